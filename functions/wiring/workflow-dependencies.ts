import { EventBridgeClient } from '@aws-sdk/client-eventbridge';
import { SESv2Client } from '@aws-sdk/client-sesv2';
import { SFNClient } from '@aws-sdk/client-sfn';
import { TranscribeClient } from '@aws-sdk/client-transcribe';
import { createBedrockAnalyzer } from '../adapters/bedrock/bedrock-analyzer.js';
import { createBedrockRuntimeClient } from '../adapters/bedrock/bedrock-client.js';
import { createDocumentClient } from '../adapters/dynamodb/document-client.js';
import { DynamoDbTranscriptionJobStore } from '../adapters/dynamodb/dynamodb-transcription-job-store.js';
import { createEventBridgePublisher } from '../adapters/eventbridge/event-bridge-publisher.js';
import { createSesMailer } from '../adapters/ses/ses-mailer.js';
import { createStepFunctionsPeriodicRunStarter } from '../adapters/stepfunctions/step-functions-periodic-runs.js';
import { createStepFunctionsCallbacks, createStepFunctionsWorkflowStarter } from '../adapters/stepfunctions/step-functions-workflows.js';
import { createTranscribeTranscriber } from '../adapters/transcribe/transcribe-transcriber.js';
import { createZoomTranscriptSource } from '../adapters/zoom/zoom-transcript-source.js';
import { missingAdapter } from './adapter-groups.js';
import { createCustomerAgents, createReportWriter } from './customer-agents.js';
import { traced } from '../observability/tracing.js';
import { createLocalAnalyzer } from '../analysis/local/local-analyzer.js';
import { ENV, LOCAL_MODEL_ID, requireSetting, type RuntimeConfig } from '../config/runtime-config.js';
import type { HubDependencies } from '../core/dependencies.js';
import { lazy } from '../core/lazy.js';
import type { WorkflowDependencies } from '../workflow/workflow-steps.js';

/**
 * The workflows' ports on AWS: Bedrock (with the local rules as fallback), Transcribe, Step
 * Functions, EventBridge and SES — each created on first use, so a step only needs the settings of
 * the ports it touches.
 */
export function createWorkflowDependencies(config: RuntimeConfig, hub: HubDependencies): WorkflowDependencies {
  // The transcription job store is a DynamoDB adapter: in a bundle without the table group
  // (bundle-flags.d.ts) it is dead code, like the hub's. First in the function: esbuild folds it only there.
  const withTable = typeof COMMHUB_BUNDLES_TABLE === 'undefined' || COMMHUB_BUNDLES_TABLE;
  // Likewise the workflow ports of the groups the function declares (workflow-port-groups.ts).
  const withAnalysis = typeof COMMHUB_BUNDLES_ANALYSIS === 'undefined' || COMMHUB_BUNDLES_ANALYSIS;
  const withCustomerAgents = typeof COMMHUB_BUNDLES_CUSTOMER_AGENTS === 'undefined' || COMMHUB_BUNDLES_CUSTOMER_AGENTS;
  const withReportWriter = typeof COMMHUB_BUNDLES_REPORT_WRITER === 'undefined' || COMMHUB_BUNDLES_REPORT_WRITER;
  const withTranscribe = typeof COMMHUB_BUNDLES_TRANSCRIBE === 'undefined' || COMMHUB_BUNDLES_TRANSCRIBE;
  const withStepFunctions = typeof COMMHUB_BUNDLES_STEP_FUNCTIONS === 'undefined' || COMMHUB_BUNDLES_STEP_FUNCTIONS;
  const withEvents = typeof COMMHUB_BUNDLES_EVENTS === 'undefined' || COMMHUB_BUNDLES_EVENTS;
  const withMail = typeof COMMHUB_BUNDLES_MAIL === 'undefined' || COMMHUB_BUNDLES_MAIL;
  // Each port is a ternary on its flag where it is made: esbuild drops the branch (and its imports)
  // only when the flag folds to false right there.
  const modelId = config.modelId ?? LOCAL_MODEL_ID;
  const localAnalyzer = withAnalysis ? lazy(() => createLocalAnalyzer()) : missingAdapter('localAnalyzer', 'analysis');
  const analyzer = withAnalysis
    ? lazy(() =>
        modelId === LOCAL_MODEL_ID ? localAnalyzer() : createBedrockAnalyzer({ client: createBedrockRuntimeClient({ region: config.region }), modelId, fallback: localAnalyzer() }),
      )
    : missingAdapter('analyzer', 'analysis');
  const agents = withCustomerAgents ? lazy(() => createCustomerAgents(modelId, config.region)) : missingAdapter('agents', 'customerAgents');
  const reportWriter = withReportWriter ? lazy(() => createReportWriter(modelId, config.region)) : missingAdapter('reportWriter', 'reportWriter');
  const blobBucket = () => requireSetting(config.blobBucket, ENV.blobBucket);
  const transcriber = withTranscribe
    ? lazy(() => createTranscribeTranscriber({ client: traced(new TranscribeClient({ region: config.region })), mediaBucket: blobBucket(), outputBucket: blobBucket() }))
    : missingAdapter('transcriber', 'transcribe');
  const sfn = withStepFunctions ? lazy(() => traced(new SFNClient({ region: config.region }))) : missingAdapter('Step Functions', 'stepFunctions');
  const workflows = withStepFunctions
    ? lazy(() =>
        createStepFunctionsWorkflowStarter({
          client: sfn(),
          stateMachineArns: {
            text: requireSetting(config.workflowArns?.text, ENV.textWorkflowArn),
            media: requireSetting(config.workflowArns?.media, ENV.mediaWorkflowArn),
          },
        }),
      )
    : missingAdapter('workflows', 'stepFunctions');
  const callbacks = withStepFunctions ? lazy(() => createStepFunctionsCallbacks({ client: sfn() })) : missingAdapter('callbacks', 'stepFunctions');
  const periodicRuns = withStepFunctions
    ? lazy(() => createStepFunctionsPeriodicRunStarter({ client: sfn(), stateMachineArn: requireSetting(config.workflowArns?.periodic, ENV.periodicRunArn) }))
    : missingAdapter('periodicRuns', 'stepFunctions');
  const events = withEvents
    ? lazy(() => createEventBridgePublisher({ client: traced(new EventBridgeClient({ region: config.region })), eventBusName: requireSetting(config.eventBusName, ENV.eventBusName) }))
    : missingAdapter('events', 'events');
  const mailFrom = config.mailFrom;
  const mailer = withMail ? lazy(() => (mailFrom ? createSesMailer({ client: traced(new SESv2Client({ region: config.region })), from: mailFrom }) : null)) : missingAdapter('mailer', 'mail');
  const reportMail = withMail ? () => (mailFrom ? { from: mailFrom, mailer: mailer()! } : null) : missingAdapter('reportMail', 'mail');
  const transcriptionJobs = withTable
    ? lazy(
        () => new DynamoDbTranscriptionJobStore(createDocumentClient({ region: config.region, endpoint: config.endpoints?.dynamodb, credentials: config.credentials }), requireSetting(config.tableName, ENV.tableName)),
      )
    : missingAdapter('transcriptionJobs', 'table');
  return Object.defineProperties(Object.create(hub) as WorkflowDependencies, {
    analyzer: { get: analyzer },
    localAnalyzer: { get: localAnalyzer },
    analyzerUsesModel: { value: modelId !== LOCAL_MODEL_ID },
    transcriber: { get: transcriber },
    transcriptSources: { value: [createZoomTranscriptSource()] },
    transcriptionJobs: { get: transcriptionJobs },
    workflows: { get: workflows },
    callbacks: { get: callbacks },
    events: { get: events },
    mailer: { get: mailer },
    agents: { get: agents },
    agentsModel: { value: modelId },
    reportWriter: { get: reportWriter },
    periodicRuns: { get: periodicRuns },
    reportMail: { get: reportMail },
  });
}
