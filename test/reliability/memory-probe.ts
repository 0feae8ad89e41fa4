// Preloaded into the hub's child process beside the DynamoDB fault gate (test/reliability/hub-process.ts).
// On `SIGUSR1` it runs a full garbage collection and appends one JSON line of `process.memoryUsage()` to
// `RELIABILITY_MEMORY_FILE`. The fuzz suite reads memory this way rather than RSS alone: without a
// collection, RSS after a run swings by tens of MB with where the collector happens to be (garbage not
// yet collected), while the heap a full collection leaves is what the hub really keeps.
import { appendFileSync } from 'node:fs';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

/** One reading, in bytes, taken right after a full collection. */
export interface MemoryReading {
  readonly rss: number;
  readonly heapUsed: number;
}

const file = process.env.RELIABILITY_MEMORY_FILE;
if (file) {
  // `--expose-gc` set at run time: `gc` then exists in contexts created afterwards.
  setFlagsFromString('--expose-gc');
  const collect = runInNewContext('gc') as () => void;
  // A listener also keeps SIGUSR1 from starting the inspector, its default in Node.
  process.on('SIGUSR1', () => {
    collect();
    const { rss, heapUsed } = process.memoryUsage();
    const reading: MemoryReading = { rss, heapUsed };
    appendFileSync(file, `${JSON.stringify(reading)}\n`);
  });
}
