import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** `npm start` in a child process, with everything it writes to stdout and stderr kept. */
export interface EmbeddedProcess {
  readonly url: string;
  readonly smtpPort: number;
  /** Everything written so far, stdout and stderr interleaved as received. */
  output(): string;
  /** SIGTERM (the hub shuts down cleanly and writes its metrics), then its exit code. */
  stop(): Promise<number | null>;
}

/**
 * Starts `embedded/main.ts` as `npm start` does, with `env` on top of this process's environment, and
 * resolves once it prints where it listens (ports 0 = any free ones).
 */
export function startEmbeddedProcess(env: Readonly<Record<string, string>>, timeoutMs = 60_000): Promise<EmbeddedProcess> {
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'embedded/main.ts'], {
    cwd: REPO_ROOT,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const chunks: string[] = [];
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  child.stdout!.setEncoding('utf8').on('data', (chunk: string) => chunks.push(chunk));
  child.stderr!.setEncoding('utf8').on('data', (chunk: string) => chunks.push(chunk));
  const output = () => chunks.join('');
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`the embedded hub did not start within ${timeoutMs} ms:\n${output()}`));
    }, timeoutMs);
    void exited.then((code) => reject(new Error(`the embedded hub exited with ${code} before it listened:\n${output()}`)));
    const poll = setInterval(() => {
      const url = /is listening on (http:\/\/\S+)/.exec(output())?.[1];
      const smtpPort = /smtp:\/\/[^:\s]+:(\d+)/.exec(output())?.[1];
      if (!url || !smtpPort) return;
      clearInterval(poll);
      clearTimeout(timer);
      resolve({
        url,
        smtpPort: Number(smtpPort),
        output,
        stop: () => {
          child.kill('SIGTERM');
          return exited;
        },
      });
    }, 50);
    void exited.then(() => clearInterval(poll));
  });
}
