import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { MemoryReading } from './memory-probe.js';

const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));
const FAULT_GATE = fileURLToPath(new URL('./dynamodb-fault-gate.ts', import.meta.url));
const MEMORY_PROBE = fileURLToPath(new URL('./memory-probe.ts', import.meta.url));

/** A free loopback port (released at once: the hub binds it a moment later). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer().once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

export interface HubProcessOptions {
  readonly dataDir: string;
  readonly port: number;
  readonly smtpPort: number;
  readonly jwtSecret: string;
  /** Length of each DynamoDB fault window opened by {@link HubProcess.fault}. @default 4000 */
  readonly faultWindowMs?: number;
}

/**
 * `embedded/main.ts` (what `npm start` runs) as a real child process, on fixed ports and one data dir, so
 * it can be killed with SIGKILL and started again where it was. The DynamoDB fault gate and the memory
 * probe are preloaded.
 */
export class HubProcess {
  private child: ChildProcess | null = null;
  private log: string[] = [];
  private exits = 0;

  constructor(private readonly options: HubProcessOptions) {}

  get url(): string {
    return `http://127.0.0.1:${this.options.port}`;
  }

  get smtpPort(): number {
    return this.options.smtpPort;
  }

  /** The child's pid, or `null` when it is not running. */
  get pid(): number | null {
    return this.child?.pid ?? null;
  }

  /** Unexpected exits (not caused by {@link kill} or {@link stop}). */
  get crashes(): number {
    return this.exits;
  }

  output(): string {
    return this.log.join('');
  }

  /** Starts the hub and resolves once it listens (HTTP and SMTP). */
  async start(timeoutMs = 60_000): Promise<void> {
    const child = spawn(process.execPath, ['--import', 'tsx', '--import', FAULT_GATE, '--import', MEMORY_PROBE, 'embedded/main.ts'], {
      cwd: REPO_ROOT,
      env: {
        ...process.env,
        COMMHUB_DATA_DIR: this.options.dataDir,
        COMMHUB_PORT: String(this.options.port),
        COMMHUB_SMTP_PORT: String(this.options.smtpPort),
        COMMHUB_HOST: '127.0.0.1',
        COMMHUB_JWT_SECRET: this.options.jwtSecret,
        COMMHUB_SCHEDULES: 'off',
        POWERTOOLS_LOG_LEVEL: 'ERROR',
        RELIABILITY_FAULT_WINDOW_MS: String(this.options.faultWindowMs ?? 4000),
        RELIABILITY_MEMORY_FILE: this.memoryFile,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.child = child;
    let sinceStart = '';
    const keep = (chunk: string) => {
      if (sinceStart.length < 100_000) sinceStart += chunk;
      this.log.push(chunk);
      if (this.log.length > 400) this.log.splice(0, 200);
    };
    child.stdout!.setEncoding('utf8').on('data', keep);
    child.stderr!.setEncoding('utf8').on('data', keep);
    child.once('exit', (code, signal) => {
      if (this.child === child) {
        this.exits++;
        this.child = null;
      }
      keep(`[hub exited: ${code ?? signal}]\n`);
    });
    const started = Date.now();
    while (!sinceStart.includes('is listening on')) {
      if (this.child !== child) throw new Error(`the hub exited before it listened:\n${this.output().slice(-4000)}`);
      if (Date.now() - started > timeoutMs) throw new Error(`the hub did not start within ${timeoutMs} ms:\n${this.output().slice(-4000)}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  /** SIGKILL: no shutdown hook runs, in-flight requests and workflows die with it. */
  async kill(): Promise<void> {
    const child = this.child;
    if (!child) return;
    this.child = null;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGKILL');
    await exited;
  }

  /** SIGTERM: the hub's clean shutdown. */
  async stop(): Promise<void> {
    const child = this.child;
    if (!child) return;
    this.child = null;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    await exited;
  }

  /** Opens one DynamoDB fault window in the running hub (see dynamodb-fault-gate.ts). */
  fault(): void {
    this.child?.kill('SIGUSR2');
  }

  private get memoryFile(): string {
    return join(this.options.dataDir, 'memory-readings.jsonl');
  }

  /** The hub's memory right after a full garbage collection (see memory-probe.ts). */
  async memory(timeoutMs = 10_000): Promise<MemoryReading> {
    const lines = () => (existsSync(this.memoryFile) ? readFileSync(this.memoryFile, 'utf8').split('\n').filter(Boolean) : []);
    const before = lines().length;
    this.child?.kill('SIGUSR1');
    const started = Date.now();
    for (;;) {
      const all = lines();
      if (all.length > before) return JSON.parse(all[all.length - 1]!) as MemoryReading;
      if (this.child === null) throw new Error('the hub is not running: no memory reading');
      if (Date.now() - started > timeoutMs) throw new Error(`no memory reading from the hub within ${timeoutMs} ms`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
}
