/**
 * When the retention sweep runs: daily at 03:00 UTC (11:00 in Shanghai, outside the reports' 09:00
 * burst) — the one definition the CDK stack deploys (an EventBridge Scheduler schedule) and the
 * embedded scheduler fires. One run covers every tenant; each keeps its own `retentionDays`.
 */
export const RETENTION_SCHEDULE = {
  name: 'retention-sweep',
  expression: 'cron(0 3 * * ? *)',
  timeZone: 'Etc/UTC',
  description: 'Retention sweep at 03:00 UTC: deletes records older than each tenant retentionDays',
} as const;
