import { resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { readFile } from 'node:fs/promises';
import { buildConsole } from './build-console.js';

/** `npm run build:console [-- <outdir>]`: the console's static files (default `web/dist`), with their gzipped sizes. */
const outdir = resolve(process.argv[2] ?? 'web/dist');
const { files } = await buildConsole({ outdir });
let total = 0;
for (const file of files) {
  const gz = gzipSync(await readFile(resolve(outdir, file))).byteLength;
  total += gz;
  process.stdout.write(`  ${file.padEnd(40)} ${(gz / 1024).toFixed(1)} KB gz\n`);
}
process.stdout.write(`console built in ${outdir}: ${(total / 1024).toFixed(1)} KB gzipped\n`);
