/**
 * Trims a bundle's source map in place to our own sources (`lib/source-map-trim.ts` says why). Run by
 * every function's bundling after esbuild (`hubBundling` in `lib/hub-function.ts`):
 *
 *   node --import tsx scripts/trim-source-map.ts <bundle>/index.mjs.map
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { isOwnSource, trimSourceMap, type RawSourceMap } from '../lib/source-map-trim.js';

const file = process.argv[2];
if (!file) {
  console.error('usage: node --import tsx scripts/trim-source-map.ts <file.map>');
  process.exit(2);
}
const map = JSON.parse(readFileSync(file, 'utf8')) as RawSourceMap;
writeFileSync(file, JSON.stringify(trimSourceMap(map, isOwnSource)));
