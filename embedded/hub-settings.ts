import { randomBytes } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Embedded-mode settings, from the environment variables of ARCHITECTURE.md's embedded contract. */
export interface HubSettings {
  /** `null` = in memory only (tests); otherwise data survives restarts here. */
  readonly dataDir: string | null;
  readonly port: number;
  /** Inbound mail (the SES stand-in); 0 = any free port. */
  readonly smtpPort: number;
  readonly host: string;
  readonly jwtSecret: string;
  readonly tableName: string;
  readonly rawArchiveBucket: string;
  readonly blobBucket: string;
  /** Tenant settings (webhook secrets, internal domains, inbound addresses): `COMMHUB_TENANTS_FILE`. */
  readonly tenantsFile: string;
  /** Record workflows: started for each new record unless `false` (`COMMHUB_WORKFLOWS=off`). @default true */
  readonly workflows?: boolean;
  /** Report schedules (daily / weekly / monthly, 5-minute risk check) and the daily retention sweep fire unless `false` (`COMMHUB_SCHEDULES=off`). @default true */
  readonly schedules?: boolean;
  /** Workflow executions run at once. @default 4 */
  readonly workflowConcurrency?: number;
  /** Replaces the definitions' retry backoff (tests). */
  readonly workflowRetryIntervalMs?: number;
  /** Sender of alert and report mail (the outbox's From). @default 'CommHub <commhub@localhost>' */
  readonly mailFrom?: string;
}

/** Where mail (`outbox/*.eml`), integrator events (`events.jsonl`) and metrics (`metrics.json`) go: the data dir, or a temp dir when in memory. */
export function outputPaths(dataDir: string): { outboxDir: string; eventLogFile: string; metricsFile: string } {
  return { outboxDir: join(dataDir, 'outbox'), eventLogFile: join(dataDir, 'events.jsonl'), metricsFile: join(dataDir, 'metrics.json') };
}

/** The demo tenants (T001, with the published vendor test keys) shipped with the repository. */
export const DEMO_TENANTS_FILE = fileURLToPath(new URL('./tenants.demo.json', import.meta.url));

export const EMBEDDED_NAMES = {
  tableName: 'commhub',
  rawArchiveBucket: 'commhub-raw-archive',
  blobBucket: 'commhub-blobs',
} as const;

function portOf(value: string | undefined, name: string, fallback: number): number {
  if (value === undefined || value === '') return fallback;
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`${name} must be a port number (0-65535), got "${value}"`);
  return port;
}

/**
 * A secret kept in the data dir, made on first start: restarts keep issued tokens and cursors
 * valid. Without a data dir it lives as long as the process.
 */
export async function persistentSecret(dataDir: string | null, fileName: string): Promise<string> {
  if (dataDir === null) return randomBytes(32).toString('base64url');
  const path = join(dataDir, fileName);
  try {
    return (await readFile(path, 'utf8')).trim();
  } catch {
    await mkdir(dataDir, { recursive: true });
    const secret = randomBytes(32).toString('base64url');
    await writeFile(path, `${secret}\n`, { mode: 0o600 });
    return secret;
  }
}

/**
 * Reads `COMMHUB_DATA_DIR`, `COMMHUB_PORT`, `COMMHUB_SMTP_PORT`, `COMMHUB_HOST`, `COMMHUB_JWT_SECRET` and
 * `COMMHUB_TENANTS_FILE`, failing with the variable's name.
 */
export async function hubSettingsFromEnv(env: NodeJS.ProcessEnv = process.env): Promise<HubSettings> {
  const dataDir = resolve(env.COMMHUB_DATA_DIR || '.commhub');
  return {
    dataDir,
    port: portOf(env.COMMHUB_PORT, 'COMMHUB_PORT', 3000),
    smtpPort: portOf(env.COMMHUB_SMTP_PORT, 'COMMHUB_SMTP_PORT', 2525),
    host: env.COMMHUB_HOST || '127.0.0.1',
    jwtSecret: env.COMMHUB_JWT_SECRET || (await persistentSecret(dataDir, 'jwt-secret')),
    tenantsFile: resolve(env.COMMHUB_TENANTS_FILE || DEMO_TENANTS_FILE),
    workflows: env.COMMHUB_WORKFLOWS !== 'off',
    schedules: env.COMMHUB_SCHEDULES !== 'off',
    mailFrom: env.COMMHUB_MAIL_FROM || undefined,
    ...EMBEDDED_NAMES,
  };
}
