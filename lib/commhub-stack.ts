import { CfnOutput, Lazy, RemovalPolicy, Stack, type StackProps } from 'aws-cdk-lib';
import * as acm from 'aws-cdk-lib/aws-certificatemanager';
import type * as logs from 'aws-cdk-lib/aws-logs';
import type { Construct } from 'constructs';
import { INBOUND_PREFIX } from '../functions/adapters/s3/archive-prefixes.js';
import { WEBHOOK_CHANNELS } from '../functions/core/channels/channel-adapter.js';
import { Auth } from './auth.js';
import { ConnectEvents } from './connect-events.js';
import { DataRetention } from './data-retention.js';
import { InboundEmail } from './inbound-email.js';
import { PeriodicReporting } from './periodic-reporting.js';
import { RecordWorkflow } from './record-workflow.js';
import { IngestionApi } from './ingestion-api.js';
import { Observability } from './observability.js';
import { dashboardUrl } from './operations-dashboard.js';
import type { StageConfig } from './stage-config.js';
import { Storage } from './storage.js';
import { WebConsole } from './web-console.js';

/** Properties of {@link CommHubStack}. */
export interface CommHubStackProps extends StackProps {
  /** The validated stage settings (see `stageConfigFromContext`). */
  readonly config: StageConfig;
}

/**
 * CommHub on AWS: wires storage, auth, the HTTP API and the event sources (Amazon Connect contact
 * events; SES inbound mail when `inboundEmailDomain` is set) together and prints what operators need.
 */
export class CommHubStack extends Stack {
  public readonly storage: Storage;
  public readonly auth: Auth;
  public readonly ingestionApi: IngestionApi;
  public readonly connectEvents: ConnectEvents;
  /** Present only when the stage config names an `inboundEmailDomain`. */
  public readonly inboundEmail?: InboundEmail;
  public readonly recordWorkflow: RecordWorkflow;
  public readonly periodicReporting: PeriodicReporting;
  /** The daily retention sweep (tenants' `retentionDays`). */
  public readonly dataRetention: DataRetention;
  /** The web console on S3 + CloudFront; absent when the stage config sets `console: false`. */
  public readonly webConsole?: WebConsole;
  /** Alarms, their SNS topic and the dashboard: built last, it watches everything built before it. */
  public readonly observability: Observability;

  constructor(scope: Construct, id: string, props: CommHubStackProps) {
    super(scope, id, props);
    const { config } = props;
    const removalPolicy = config.deletionProtection ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY;
    // stageConfigFromContext accepts only the periods CloudWatch Logs offers (the enum's values).
    const logRetention = config.logRetentionDays as logs.RetentionDays;
    // The console is built after Auth and the API (its config.json names both), so they take its URL
    // lazily. A custom domain is known now; the CloudFront domain only once the distribution exists.
    const consoleOrigins = config.console ? [config.consoleDomain ? `https://${config.consoleDomain.name}` : Lazy.string({ produce: () => this.webConsole?.url })] : [];
    const browserOrigins = [...new Set([...config.allowedOrigins, ...consoleOrigins])];

    this.storage = new Storage(this, 'Storage', {
      rawArchiveRetentionDays: config.retentionDays,
      deletionProtection: config.deletionProtection,
      removalPolicy,
    });
    this.auth = new Auth(this, 'Auth', {
      storage: this.storage,
      stage: config.stage,
      logRetention,
      machineClientNames: config.machineClients,
      deletionProtection: config.deletionProtection,
      removalPolicy,
      ...(browserOrigins.length > 0
        ? {
            callbackUrls: browserOrigins.map((origin) => `${origin}/auth/callback`),
            logoutUrls: browserOrigins.map((origin) => `${origin}/`),
          }
        : {}),
    });
    this.recordWorkflow = new RecordWorkflow(this, 'RecordWorkflow', {
      storage: this.storage,
      stage: config.stage,
      modelId: config.modelId,
      mailFrom: config.mailFrom,
      analysisConcurrency: config.analysisConcurrency,
      transcriptionConcurrency: config.transcriptionConcurrency,
      logRetention,
      removalPolicy,
    });

    this.periodicReporting = new PeriodicReporting(this, 'PeriodicReporting', {
      storage: this.storage,
      stage: config.stage,
      modelId: config.modelId,
      mailFrom: config.mailFrom,
      timeZones: config.reportTimeZones,
      reportConcurrency: config.reportConcurrency,
      logRetention,
      removalPolicy,
    });

    this.dataRetention = new DataRetention(this, 'DataRetention', { storage: this.storage, stage: config.stage, logRetention, removalPolicy });

    this.ingestionApi = new IngestionApi(this, 'IngestionApi', {
      storage: this.storage,
      recordWorkflow: this.recordWorkflow,
      periodicReporting: this.periodicReporting,
      authorizer: this.auth.authorizer,
      stage: config.stage,
      allowedOrigins: browserOrigins,
      logRetention,
      removalPolicy,
    });

    this.connectEvents = new ConnectEvents(this, 'ConnectEvents', {
      storage: this.storage,
      stage: config.stage,
      instanceArns: config.connectInstanceArns,
      logRetention,
      removalPolicy,
    });
    if (config.inboundEmailDomain !== undefined) {
      this.inboundEmail = new InboundEmail(this, 'InboundEmail', {
        domain: config.inboundEmailDomain,
        storage: this.storage,
        stage: config.stage,
        logRetention,
        removalPolicy,
      });
    }
    if (config.console) {
      this.webConsole = new WebConsole(this, 'WebConsole', {
        storage: this.storage,
        auth: this.auth,
        api: this.ingestionApi.api,
        // The API's CORS names the console's origin: with a CloudFront domain that is a reference to the
        // distribution, so the distribution's CSP must not reference the API back (WebConsole's default).
        ...(config.consoleDomain
          ? {
              apiCspOrigin: this.ingestionApi.api.apiEndpoint,
              domainName: config.consoleDomain.name,
              certificate: acm.Certificate.fromCertificateArn(this, 'ConsoleCertificate', config.consoleDomain.certificateArn),
            }
          : {}),
        logRetention,
        removalPolicy,
      });
    }
    this.observability = new Observability(this, 'Observability', {
      api: this.ingestionApi.api,
      stage: config.stage,
      ...(config.alarmEmail ? { alarmEmail: config.alarmEmail } : {}),
      removalPolicy,
    });

    const outputs: Record<string, { value: string; description: string }> = {
      ApiUrl: { value: this.ingestionApi.url, description: 'Base URL of the HTTP API' },
      UserPoolId: { value: this.auth.userPool.userPoolId, description: 'Cognito user pool id' },
      AuthDomainUrl: { value: this.auth.domain.baseUrl(), description: 'OAuth 2.0 endpoints (/oauth2/token, /oauth2/authorize)' },
      ...machineClientOutputs(this.auth),
      PeopleClientId: { value: this.auth.peopleClient.userPoolClientId, description: 'Client id for people (authorization code + PKCE)' },
      TableName: { value: this.storage.table.tableName, description: 'DynamoDB table' },
      RawArchiveBucketName: { value: this.storage.rawArchive.bucketName, description: 'Raw payload archive bucket' },
      BlobBucketName: { value: this.storage.blobs.bucketName, description: 'Attachments and large bodies bucket' },
      WebhookUrlTemplate: {
        // The stage URL ends in "/".
        value: `${this.ingestionApi.url}v1/webhooks/{tenantId}/{channel}`,
        description: `Vendor webhook URL: channel is ${WEBHOOK_CHANNELS.join(', ')}`,
      },
      ...webhookUrlOutputs(this.ingestionApi.url),
      TenantSettingsSecretArn: {
        value: this.storage.tenantSettings.secretArn,
        description:
          'Put the tenants JSON here ({"tenants":{"<tenantId>":{...}}}: webhook secrets, internal domains, inboundAddresses, webhooks.connect.instanceArns; see README): aws secretsmanager put-secret-value --secret-id <this ARN> --secret-string file://tenants.json',
      },
      ConnectEventsDeadLetterQueueUrl: {
        value: this.connectEvents.deadLetterQueue.queue.queueUrl,
        description: 'Amazon Connect contact events that were not stored (kept 14 days; replay into ConnectEventsFunctionName after fixing the cause)',
      },
      ConnectEventsFunctionName: { value: this.connectEvents.function.function.functionName, description: 'Replays Connect events from its dead-letter queue (invoke with the message body)' },
      EventBusName: {
        value: this.recordWorkflow.eventBus.eventBusName,
        description: 'Integrator events: rule pattern {"source":["commhub"],"detail-type":["communication.ingested","communication.analyzed"]}',
      },
      RecordWorkflowDeadLetterQueueUrl: {
        value: this.recordWorkflow.deadLetterQueue.queue.queueUrl,
        description: 'Stream batches and Transcribe events the record workflow could not start or resume (POST /v1/admin/replays, or replay Transcribe events into TranscriptionCallbackFunctionName)',
      },
      TranscriptionCallbackFunctionName: {
        value: this.recordWorkflow.transcriptionCallback.function.functionName,
        description: 'Replays Transcribe job-state events from the record workflow dead-letter queue (invoke with the message body)',
      },
      PeriodicReportingDeadLetterQueueUrl: {
        value: this.periodicReporting.deadLetterQueue.queue.queueUrl,
        description: 'Scheduled report and risk-check runs that did not start (replay into ReportDispatcherFunctionName, or POST /v1/reports)',
      },
      RetentionDeadLetterQueueUrl: {
        value: this.dataRetention.deadLetterQueue.queue.queueUrl,
        description: 'Daily retention sweeps that did not run (the next day continues; or invoke RetentionSweeperFunctionName with {})',
      },
      RetentionSweeperFunctionName: { value: this.dataRetention.sweeper.function.functionName, description: 'Deletes records older than each tenant retentionDays (daily at 03:00 UTC)' },
      ReportDispatcherFunctionName: { value: this.periodicReporting.dispatcher.function.functionName, description: 'Starts scheduled runs; replays its dead-letter queue (invoke with the schedule input)' },
      AlarmTopicArn: {
        value: this.observability.alarmTopic.topicArn,
        description: config.alarmEmail
          ? `Alarm notifications; ${config.alarmEmail} must confirm the subscription mail from SNS first`
          : 'Alarm notifications; no alarmEmail in the stage config, so subscribe yourself: aws sns subscribe --protocol email --topic-arn <this ARN> --notification-endpoint <address>',
      },
      DashboardName: { value: this.observability.dashboard.dashboardName, description: 'CloudWatch dashboard of the stack' },
      DashboardUrl: { value: dashboardUrl(this.region, this.observability.dashboard.dashboardName), description: 'CloudWatch dashboard in the console' },
      ...(this.inboundEmail ? inboundEmailOutputs(this.inboundEmail, this.region) : {}),
      ...(this.webConsole ? webConsoleOutputs(this.webConsole, config.consoleDomain?.name) : {}),
    };
    for (const [outputId, output] of Object.entries(outputs)) new CfnOutput(this, outputId, output);
  }
}

/** One webhook URL per channel (`WEBHOOK_CHANNELS`, the list the webhook route accepts), `{tenantId}` to fill in. */
function webhookUrlOutputs(apiUrl: string) {
  const outputId = (channel: string) => `WebhookUrl${channel.replace(/(^|-)([a-z])/g, (_match, _dash: string, letter: string) => letter.toUpperCase())}`;
  return Object.fromEntries(
    WEBHOOK_CHANNELS.map((channel) => [
      outputId(channel),
      { value: `${apiUrl}v1/webhooks/{tenantId}/${channel}`, description: `Webhook URL for ${channel}: replace {tenantId}; the tenant's ${channel} secret is in the tenant settings` },
    ]),
  );
}

/** Where staff open the console, and what a custom domain's DNS record points at. */
function webConsoleOutputs(webConsole: WebConsole, domainName: string | undefined) {
  return {
    ConsoleUrl: { value: webConsole.url, description: 'Web console: staff sign in with their Cognito user (an administrator creates it, see README)' },
    ...(domainName
      ? {
          ConsoleDistributionDomainName: {
            value: webConsole.distribution.distributionDomainName,
            description: `Point a CNAME (or Route 53 alias) for ${domainName} at this CloudFront domain`,
          },
        }
      : {}),
  };
}

/** What an operator needs to finish inbound mail: the MX record, the activation step, the DLQ. */
function inboundEmailOutputs(inboundEmail: InboundEmail, region: string) {
  const { domain } = inboundEmail;
  const ruleSetName = inboundEmail.ruleSet.receiptRuleSetName;
  return {
    InboundEmailRuleSetName: { value: ruleSetName, description: `SES receipt rule set receiving mail for ${domain}` },
    InboundEmailAddress: {
      value: `{mailbox}@${domain}`,
      description: `SES receives mail to any address at ${domain}; list the address under a tenant's inboundAddresses to route it there`,
    },
    InboundEmailActivateCommand: {
      value: `aws ses set-active-receipt-rule-set --rule-set-name ${ruleSetName} --region ${region}`,
      description:
        'Run once after the first deploy: CloudFormation cannot activate a receipt rule set. Only one rule set is active per account and region (this replaces any other), and an active rule set must be deactivated before the stack can delete it.',
    },
    InboundEmailMxRecord: {
      value: `${domain} MX 10 inbound-smtp.${region}.amazonaws.com`,
      description: 'DNS record that routes the domain\'s mail to SES (the domain must also be verified in SES)',
    },
    InboundEmailDeadLetterQueueUrl: {
      value: inboundEmail.deadLetterQueue.queue.queueUrl,
      description: `SES inbound events the function failed on (the MIME stays in the raw archive under ${INBOUND_PREFIX}; kept 14 days; replay into InboundEmailFunctionName)`,
    },
    InboundEmailFunctionName: { value: inboundEmail.function.function.functionName, description: 'Ingests SES inbound mail; replays its dead-letter queue (invoke with the message body)' },
  };
}

/**
 * One output per machine client: `MachineClientId` for the first (`machineClients[0]`), then
 * `MachineClientId<Name>` (dashes dropped, words capitalised) for the others.
 */
function machineClientOutputs(auth: Auth): Record<string, { value: string; description: string }> {
  const outputs: Record<string, { value: string; description: string }> = {};
  [...auth.machineClients].forEach(([name, client], index) => {
    const suffix = index === 0 ? '' : name.split('-').map((word) => word.charAt(0).toUpperCase() + word.slice(1)).join('');
    outputs[`MachineClientId${suffix}`] = {
      value: client.userPoolClientId,
      description: `Client id of machine client "${name}" (client credentials); list it under its tenant's machineClientIds in the tenant settings, or its tokens are refused`,
    };
  });
  return outputs;
}
