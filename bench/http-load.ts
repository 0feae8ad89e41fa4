// The load generator shared by the HTTP benchmarks: requests are built in the main thread and sent
// from a worker thread (global fetch = undici, keep-alive), so the client's CPU is not billed to the
// hub's event loop — in a real deployment the caller is another machine.
import { Worker } from 'node:worker_threads';

/** One prepared POST: path (with query) relative to the hub's URL, headers and the exact body. */
export interface LoadRequest {
  readonly path: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
}

export interface LoadResult {
  readonly seconds: number;
  /** Requests per second over the whole batch. */
  readonly rate: number;
  /** Count per HTTP status (`error` for a failed fetch). */
  readonly statuses: Readonly<Record<string, number>>;
  /** The first few unexpected answers, for the error message. */
  readonly failures: readonly string[];
}

const WORKER = `
const { parentPort, workerData: { baseUrl, concurrency } } = require('node:worker_threads');
parentPort.on('message', async (requests) => {
  const statuses = {};
  const failures = [];
  let next = 0;
  const started = performance.now();
  await Promise.all(Array.from({ length: Math.min(concurrency, requests.length) }, async () => {
    while (next < requests.length) {
      const { path, headers, body } = requests[next++];
      try {
        const response = await fetch(baseUrl + path, { method: 'POST', headers, body });
        const text = await response.text();
        statuses[response.status] = (statuses[response.status] ?? 0) + 1;
        if (response.status >= 300 && failures.length < 3) failures.push(response.status + ' ' + path.split('?')[0] + ': ' + text.slice(0, 300));
      } catch (error) {
        statuses.error = (statuses.error ?? 0) + 1;
        if (failures.length < 3) failures.push(String(error));
      }
    }
  }));
  parentPort.postMessage({ seconds: (performance.now() - started) / 1000, statuses, failures });
});`;

/** A worker-thread HTTP client with `concurrency` requests in flight; one batch at a time. */
export class LoadClient {
  private readonly worker: Worker;

  constructor(baseUrl: string, concurrency: number) {
    this.worker = new Worker(WORKER, { eval: true, execArgv: [], workerData: { baseUrl, concurrency } });
  }

  send(requests: readonly LoadRequest[]): Promise<LoadResult> {
    return new Promise((resolve, reject) => {
      this.worker.once('error', reject).once('message', (result: Omit<LoadResult, 'rate'>) => {
        this.worker.off('error', reject);
        resolve({ ...result, rate: requests.length / result.seconds });
      });
      this.worker.postMessage(requests);
    });
  }

  /** Throws unless every request of the batch was answered `status`. */
  static expectAll(result: LoadResult, count: number, status: number, what: string): void {
    if (result.statuses[String(status)] === count) return;
    throw new Error(`${what}: expected ${count} × ${status}, got ${JSON.stringify(result.statuses)}; first failures:\n  ${result.failures.join('\n  ')}`);
  }

  async close(): Promise<void> {
    await this.worker.terminate();
  }
}
