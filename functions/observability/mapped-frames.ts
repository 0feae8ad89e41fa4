import { readFileSync } from 'node:fs';
import { SourceMap, type SourceMapPayload } from 'node:module';
import { fileURLToPath } from 'node:url';

/**
 * Stack frames of a Lambda bundle shown at their TypeScript source, with the bundle's source map read
 * only when a frame is first shown (an error logged), not on every cold start as
 * `--enable-source-maps` reads it. A frame elsewhere — Node's own, a module without a map beside it,
 * a position the map does not cover (the bundled SDK's: the maps keep our sources only) — is left
 * as it is, and so is every frame where Node already maps them (tsx, `--enable-source-maps`).
 */

/** `at name (file:///var/task/index.mjs:1:2345)` or `at file:///var/task/index.mjs:1:2345`. */
const FRAME = /^(at (?:.+? \()?)((?:file:\/\/)?\/[^\s()]+\.m?js):(\d+):(\d+)(\)?)$/;

const maps = new Map<string, SourceMap | null>();

/** The map beside `file` (`index.mjs.map`), read once; null when there is none or it is not one. */
function mapOf(file: string): SourceMap | null {
  let map = maps.get(file);
  if (map === undefined) {
    try {
      map = new SourceMap(JSON.parse(readFileSync(`${file}.map`, 'utf8')) as SourceMapPayload);
    } catch {
      map = null;
    }
    maps.set(file, map);
  }
  return map;
}

/** A source as a log reader finds it in the repository: from `functions/` (or `lib/`, `embedded/`) on. */
const repoPath = (source: string) => /(?:^|\/)((?:functions|lib|embedded)\/.+)$/.exec(source)?.[1] ?? source;

/**
 * One trimmed stack line (`at …`) at its source position, when the bundle it points into has a map
 * that covers it.
 *
 * @example
 * mappedFrame('at handler (file:///var/task/index.mjs:1:40211)');
 * // 'at handler (functions/api/get-timeline.ts:21:11)'
 */
export function mappedFrame(frame: string): string {
  const match = FRAME.exec(frame);
  if (!match) return frame;
  const [, head, location, line, column, tail] = match as unknown as [string, string, string, string, string, string];
  // An installed package is no bundle of ours (embedded mode, tests): its map, if any, is not read.
  if (location.includes('/node_modules/')) return frame;
  try {
    const entry = mapOf(location.startsWith('file://') ? fileURLToPath(location) : location)?.findEntry(Number(line) - 1, Number(column) - 1);
    if (!entry || !('originalSource' in entry) || typeof entry.originalSource !== 'string') return frame;
    return `${head}${repoPath(entry.originalSource)}:${entry.originalLine + 1}:${entry.originalColumn + 1}${tail}`;
  } catch {
    // Logging an error must not fail on its frames: unmapped is still a frame.
    return frame;
  }
}
