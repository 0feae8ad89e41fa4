import { dispatchScheduledRuns } from '../functions/core/periodic/start-periodic-run.js';
import { RETENTION_SCHEDULE } from '../functions/core/schedules/retention-schedule.js';
import { sweepRetention } from '../functions/core/use-cases/sweep-retention.js';
import { startReportScheduler, type ReportScheduler } from './report-scheduler.js';
import type { Server } from 'node:http';
import type { HubDependencies } from '../functions/core/dependencies.js';
import type { HttpHandler } from '../functions/http/http-route.js';
import { ROUTES, type RouteId } from '../functions/http/routes.js';
import { routeAdapterGroups } from '../functions/wiring/adapter-groups.js';
import { routeWorkflowPorts, workflowPortsWithin } from '../functions/wiring/workflow-port-groups.js';
import type { WorkflowDependencies } from '../functions/workflow/workflow-steps.js';
import { createHubDependencies } from '../functions/wiring/hub-dependencies.js';
import { portsWithin } from '../functions/wiring/ports-within.js';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { outputPaths, persistentSecret, type HubSettings } from './hub-settings.js';
import { upgradeCustomerDirectory } from './customer-directory-upgrade.js';
import { createEmbeddedWorkflows, type EmbeddedWorkflowOptions, type EmbeddedWorkflows } from './workflows/embedded-workflows.js';
import { startHttpServer } from './http-server.js';
import { startSmtpListener } from './smtp-listener.js';
import { createFileMetrics, type FileMetrics } from './file-metrics.js';
import { systemClock } from '../functions/core/ports/clock.js';
import { build as buildSesInbound } from '../functions/events/ses-inbound.js';
import { createS3Client } from '../functions/adapters/s3/s3-client.js';
import { LOCAL_CREDENTIALS, LOCAL_REGION, startLocalServers, type LocalServers } from './local-servers.js';

export interface RunningHub {
  readonly url: string;
  /** The SMTP listener's port (inbound mail for the tenants' inbound addresses). */
  readonly smtpPort: number;
  readonly settings: HubSettings;
  readonly servers: LocalServers;
  /** The same ports the handlers use, for tests and benchmarks that work below HTTP. */
  readonly deps: HubDependencies;
  /** The record workflows (interpreter, event log, outbox), for tests and benches. */
  readonly workflows: EmbeddedWorkflows;
  /** The counts the handlers make (also written to `metrics.json` in the data dir). */
  readonly metrics: FileMetrics;
  /** Where alert and report mail is written (`.eml`). */
  readonly outboxDir: string;
  /** The report schedules (`null` when `schedules` is off). */
  readonly scheduler: ReportScheduler | null;
  /** The daily retention sweep's schedule (`null` when `schedules` is off). */
  readonly retentionScheduler: ReportScheduler | null;
  close(): Promise<void>;
}

type HandlerModule = { build: (deps: HubDependencies) => HttpHandler };

/**
 * Loads every route's handler module (`functions/api/<id>.ts`) and builds it with these ports — those
 * its access allows, as in its Lambda bundle: a port it did not declare fails here as it would there.
 */
async function buildHandlers(deps: HubDependencies): Promise<Map<RouteId, HttpHandler>> {
  const entries = await Promise.all(
    ROUTES.map(async (route) => {
      const module = (await import(`../functions/api/${route.id}.ts`)) as HandlerModule;
      const within = portsWithin(deps, routeAdapterGroups(route), route.id);
      return [route.id, module.build(workflowPortsWithin(within as WorkflowDependencies, routeWorkflowPorts(route.access), route.id))] as const;
    }),
  );
  return new Map(entries);
}

/**
 * Starts the whole hub on this machine: local DynamoDB-API and S3-API servers (data under the
 * data dir), the same handlers as the Lambda functions wired to them, and the HTTP API.
 */
export interface HubOptions {
  /** Ports of the record workflow to replace (tests: Bedrock or Transcribe adapters on mocked SDK clients, a failing mailer). */
  readonly workflowOverrides?: EmbeddedWorkflowOptions['overrides'];
}

export async function startHub(settings: HubSettings, options: HubOptions = {}): Promise<RunningHub> {
  const servers = await startLocalServers({
    dataDir: settings.dataDir ?? undefined,
    tableName: settings.tableName,
    buckets: [settings.rawArchiveBucket, settings.blobBucket],
  });
  const scratchDir = settings.dataDir === null ? await mkdtemp(join(tmpdir(), 'commhub-hub-')) : null;
  const paths = outputPaths(settings.dataDir ?? scratchDir!);
  const metrics = createFileMetrics({ file: paths.metricsFile });
  const storeDeps = createHubDependencies({
    tableName: settings.tableName,
    rawArchiveBucket: settings.rawArchiveBucket,
    blobBucket: settings.blobBucket,
    region: LOCAL_REGION,
    cursorKey: { literal: await persistentSecret(settings.dataDir, 'cursor-key') },
    endpoints: { dynamodb: servers.dynamodbEndpoint, s3: servers.s3Endpoint },
    credentials: LOCAL_CREDENTIALS,
    tenantSettings: { file: settings.tenantsFile },
  }, systemClock, metrics);
  // Read the tenants file now: a broken one stops start-up with the file and field named.
  await storeDeps.tenants.getTenant('').catch(async (error: unknown) => {
    await metrics.close();
    await servers.close();
    if (scratchDir) await rm(scratchDir, { recursive: true, force: true });
    throw error;
  });
  const workflows = createEmbeddedWorkflows(storeDeps, {
    tableName: settings.tableName,
    dynamodbEndpoint: servers.dynamodbEndpoint,
    region: LOCAL_REGION,
    credentials: LOCAL_CREDENTIALS,
    outboxDir: paths.outboxDir,
    eventLogFile: paths.eventLogFile,
    mailFrom: settings.mailFrom ?? 'CommHub <commhub@localhost>',
    autoStart: settings.workflows ?? true,
    concurrency: settings.workflowConcurrency,
    retryIntervalMs: settings.workflowRetryIntervalMs,
    overrides: options.workflowOverrides,
    // A hub with a data dir keeps its record workflow starts across restarts (an in-memory one has nothing to resume).
    ...(settings.dataDir !== null && settings.workflows !== false ? { journalFile: join(settings.dataDir, 'workflow-journal.jsonl') } : {}),
  });
  const deps = workflows.hub;
  let server: Server;
  let url: string;
  let smtp: Awaited<ReturnType<typeof startSmtpListener>>;
  try {
    if (settings.dataDir !== null) await upgradeCustomerDirectory(deps, settings.dataDir);
    ({ server, url } = await startHttpServer({ port: settings.port, host: settings.host, jwtSecret: settings.jwtSecret, handlers: await buildHandlers(workflows.deps), console: { mediaOrigins: [servers.s3Endpoint] } }));
    const sesInbound = buildSesInbound(deps);
    smtp = await startSmtpListener({
      port: settings.smtpPort,
      host: settings.host,
      deps,
      s3: createS3Client({ region: LOCAL_REGION, endpoint: servers.s3Endpoint, credentials: LOCAL_CREDENTIALS }),
      rawArchiveBucket: settings.rawArchiveBucket,
      deliver: sesInbound,
    });
  } catch (error) {
    await metrics.close();
    await servers.close();
    throw error;
  }
  const scheduler =
    settings.schedules === false
      ? null
      : await startReportScheduler({
          timeZones: async () => (await deps.tenants.listTenants()).map(({ settings: tenant }) => tenant.timezone),
          fire: (schedule, timeZone, firedAt) => dispatchScheduledRuns(workflows.deps, { run: schedule.run, timeZone, firedAt }),
        });
  // The same daily sweep the AWS schedule invokes (functions/events/retention-sweep.ts), without a time budget.
  const retentionScheduler =
    settings.schedules === false
      ? null
      : await startReportScheduler({ schedules: [RETENTION_SCHEDULE], timeZones: async () => [RETENTION_SCHEDULE.timeZone], fire: () => sweepRetention(workflows.deps) });
  return {
    url,
    smtpPort: smtp.port,
    scheduler,
    retentionScheduler,
    settings,
    servers,
    deps,
    workflows,
    metrics,
    outboxDir: paths.outboxDir,
    async close() {
      scheduler?.stop();
      retentionScheduler?.stop();
      server.closeAllConnections();
      await Promise.all([new Promise<void>((resolve) => server.close(() => resolve())), smtp.close()]);
      await workflows.close();
      await metrics.close();
      await servers.close();
      if (scratchDir) await rm(scratchDir, { recursive: true, force: true, maxRetries: 3 });
    },
  };
}
