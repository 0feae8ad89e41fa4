import { fileURLToPath } from 'node:url';
import { Duration, type RemovalPolicy } from 'aws-cdk-lib';
import type * as logs from 'aws-cdk-lib/aws-logs';
import type { Construct } from 'constructs';
import { openApiDocument } from '../functions/http/openapi.js';
import { routeWorkflowPorts } from '../functions/wiring/workflow-port-groups.js';
import { ROUTE_SUMMARIES } from '../functions/http/route-summaries.js';
import { isAudited, type RouteDefinition, type RouteId } from '../functions/http/routes.js';
import { HubFunction, RAW_PAYLOAD_PREFIX, type FunctionAccess } from './hub-function.js';
import type { PeriodicReporting } from './periodic-reporting.js';
import type { RecordWorkflow } from './record-workflow.js';
import type { Storage } from './storage.js';

export { LAMBDA_RUNTIME } from './hub-function.js';

const HANDLERS_DIR = fileURLToPath(new URL('../functions/api/', import.meta.url));

/** Properties of {@link RouteFunction}. */
export interface RouteFunctionProps {
  /** The route this function serves; its `access` decides every grant and environment variable. */
  readonly route: RouteDefinition;
  /** Where the data lives; the function is granted only what `route.access` names. */
  readonly storage: Storage;
  /** Deployment stage, passed as `COMMHUB_STAGE`. */
  readonly stage: string;
  /**
   * How long the function's logs are kept.
   * @default logs.RetentionDays.ONE_MONTH
   */
  readonly logRetention?: logs.RetentionDays;
  /**
   * The record workflows a route with `access.workflows` may start.
   * @default - none; a route that declares `workflows` then fails to build
   */
  readonly recordWorkflow?: RecordWorkflow;
  /**
   * The periodic run a route with `access.periodicRuns` may start.
   * @default - none; a route that declares `periodicRuns` then fails to build
   */
  readonly periodicReporting?: PeriodicReporting;
  /**
   * What happens to the log group when it leaves the stack.
   * @default RemovalPolicy.DESTROY
   */
  readonly removalPolicy?: RemovalPolicy;
}

/**
 * One API route's Lambda function (`functions/api/<id>.ts`): a {@link HubFunction} with the route's
 * access and the API's limits. Extending it (rather than wrapping it) keeps the construct paths, and
 * so the logical ids of deployed route functions, unchanged.
 */
export class RouteFunction extends HubFunction {
  constructor(scope: Construct, id: string, props: RouteFunctionProps) {
    const { route } = props;
    super(scope, id, {
      entry: `${HANDLERS_DIR}${route.id}.ts`,
      description: ROUTE_SUMMARIES[route.id as RouteId],
      roleDescription: `CommHub ${route.method} ${route.path}`,
      access: routeFunctionAccess(route),
      storage: props.storage,
      stage: props.stage,
      // API Gateway gives up after 30 s; a handler that needs more is doing a workflow's job.
      timeout: Duration.seconds(10),
      memorySize: 512,
      bundledConstants: ROUTE_BUNDLED_CONSTANTS[route.id as RouteId]?.(),
      workflowPorts: routeWorkflowPorts(route.access),
      logRetention: props.logRetention,
      removalPolicy: props.removalPolicy,
      environment: {
        ...(route.access.workflows ? requireWorkflow(props).starterEnvironment() : {}),
        ...(route.access.periodicRuns ? requireReporting(props).starterEnvironment() : {}),
      },
    });
    if (route.access.workflows) requireWorkflow(props).grantStartWorkflows(this.function);
    if (route.access.periodicRuns) requireReporting(props).grantStartRuns(this.function);
  }
}

/**
 * Work a route would do on its first call, done at synth instead: `get-openapi` serves the document
 * generated from the route table and schemas here (`functions/api/get-openapi.ts` reads the constants;
 * the embedded runtime and tests, which have none, generate it on the first call as before).
 */
const ROUTE_BUNDLED_CONSTANTS: Partial<Record<RouteId, () => Record<string, unknown>>> = {
  'get-openapi': () => ({ COMMHUB_OPENAPI_BUNDLED: true, COMMHUB_OPENAPI_DOCUMENT: JSON.stringify(openApiDocument()) }),
};

/**
 * What a route's function is granted and bundled with: the route's access, raw archive writes limited
 * to raw/ (blobKeys.raw; inbound/ belongs to SES), and audit appends for an audited route, whatever
 * else it touches.
 */
export function routeFunctionAccess(route: RouteDefinition): FunctionAccess {
  return { ...route.access, rawArchiveWritePrefix: RAW_PAYLOAD_PREFIX, audit: isAudited(route) };
}

function requireReporting(props: RouteFunctionProps): PeriodicReporting {
  if (!props.periodicReporting) throw new Error(`route ${props.route.id} starts periodic runs: pass periodicReporting`);
  return props.periodicReporting;
}

function requireWorkflow(props: RouteFunctionProps): RecordWorkflow {
  if (!props.recordWorkflow) throw new Error(`route ${props.route.id} starts record workflows: pass recordWorkflow`);
  return props.recordWorkflow;
}
