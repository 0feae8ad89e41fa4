import './quiet-sdk-warning.js';
import { logger } from '../functions/http/logger.js';
import { summarizeError } from '../functions/observability/error-summary.js';
import { SCOPES } from '../functions/http/routes.js';
import { startHub } from './hub.js';
import { hubSettingsFromEnv } from './hub-settings.js';
import { signToken } from './jwt.js';

/** `npm start`: the whole hub on this machine. Prints the URLs and a ready-to-use dev token. */
const settings = await hubSettingsFromEnv();
const hub = await startHub(settings);
const token = signToken(
  { sub: 'dev-user', 'custom:tenant_id': 'T001', scope: Object.values(SCOPES).join(' ') },
  settings.jwtSecret,
);
logger.info('CommHub embedded hub is running', { api: `${hub.url}/v1`, dataDir: settings.dataDir, dynamodb: hub.servers.dynamodbEndpoint, s3: hub.servers.s3Endpoint });
process.stdout.write(
  [
    '',
    `CommHub (embedded) is listening on ${hub.url}`,
    `  console:   ${hub.url}/#devToken=${token}`,
    `  demo data: npm run demo (the seed journey for 宁波奥克斯, through the real channels, into this hub)`,
    `  health:    curl ${hub.url}/v1/health`,
    `  mail:      smtp://${settings.host}:${hub.smtpPort} (inbound addresses from ${settings.tenantsFile})`,
    `  webhooks:  ${hub.url}/v1/webhooks/T001/{wecom|zoom|teams|tencent-meeting|dingtalk|telephony|connect}`,
    `  data dir:  ${settings.dataDir}`,
    `  metrics:   ${settings.dataDir}/metrics.json (every 10 s and on shutdown)`,
    `  analysis:  ${settings.workflows === false ? 'off (COMMHUB_WORKFLOWS=off)' : 'each new record runs the record workflow (local analyzer)'}; alert mail in ${hub.outboxDir}`,
    `  reports:   ${hub.scheduler ? `next ${hub.scheduler.upcoming().filter((s) => s.name !== 'risk-check').slice(0, 1).map((s) => `${s.name} ${s.at.toISOString()} (${s.timeZone})`).join('')}; risk check every 5 min; mail in ${hub.outboxDir}` : 'schedules off (COMMHUB_SCHEDULES=off)'}`,
    `  run one:   npm run report -- --type weekly [--customer C001]`,
    `  retention: ${hub.retentionScheduler ? `daily sweep, next ${hub.retentionScheduler.upcoming()[0]?.at.toISOString() ?? '-'} (tenants' retentionDays)` : 'schedules off'}`,
    `  dev token (tenant T001, all scopes, 12 h):`,
    `  export TOKEN=${token}`,
    `  another:   npm run token -- --tenant T001 --scope "commhub/read commhub/ingest"`,
    '',
  ].join('\n') + '\n',
);

let closing = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (closing) return;
    closing = true;
    logger.info('shutting down', { signal });
    hub.close().then(
      () => process.exit(0),
      (error: unknown) => {
        logger.error('shutdown failed', { error: summarizeError(error) });
        process.exit(1);
      },
    );
  });
}
