/**
 * Trims a bundle's source map to the sources worth resolving a stack frame to — ours, not the
 * bundled SDK's. The map is read when the first error is logged (functions/observability/
 * mapped-frames.ts; CommHub no longer sets `--enable-source-maps`, under which Node reads and parses
 * the whole map on every cold start): for a 1 MB bundle holding the SDK that would be a 1.6 MB map.
 * A frame in a dropped source then shows its position in `index.mjs`, as it would with no map at all.
 */

/** The parts of a version 3 source map this reads and writes; other fields pass through. */
export interface RawSourceMap {
  readonly version: number;
  readonly sources: readonly string[];
  readonly sourcesContent?: readonly (string | null)[];
  readonly names?: readonly string[];
  readonly mappings: string;
  readonly [field: string]: unknown;
}

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const DIGIT = new Map([...BASE64].map((char, value) => [char, value]));

/** A segment with absolute values: [column] or [column, source, line, sourceColumn] or [..., name]. */
type Segment = number[];

/** Decodes `mappings` into absolute segments per generated line (the format stores deltas). */
export function decodeMappings(mappings: string): Segment[][] {
  const state = [0, 0, 0, 0, 0];
  return mappings.split(';').map((line) => {
    state[0] = 0; // the generated column restarts on every line; the other fields run on
    const segments: Segment[] = [];
    for (const text of line.split(',')) {
      if (text === '') continue;
      const deltas: number[] = [];
      let value = 0;
      let shift = 0;
      for (const char of text) {
        const digit = DIGIT.get(char);
        if (digit === undefined) throw new Error(`source map: '${char}' is not a base64 VLQ digit`);
        value += (digit & 31) * 2 ** shift;
        if (digit & 32) shift += 5;
        else {
          deltas.push(value % 2 === 1 ? -Math.floor(value / 2) : value / 2);
          value = 0;
          shift = 0;
        }
      }
      segments.push(deltas.map((delta, i) => (state[i]! += delta)));
    }
    return segments;
  });
}

function encodeValue(value: number): string {
  let rest = value < 0 ? -value * 2 + 1 : value * 2;
  let text = '';
  do {
    const digit = rest % 32;
    rest = Math.floor(rest / 32);
    text += BASE64[rest > 0 ? digit | 32 : digit];
  } while (rest > 0);
  return text;
}

/** The inverse of {@link decodeMappings}. */
export function encodeMappings(lines: readonly (readonly Segment[])[]): string {
  const state = [0, 0, 0, 0, 0];
  const encodeSegment = (segment: Segment) => {
    let text = '';
    segment.forEach((value, i) => {
      text += encodeValue(value - state[i]!);
      state[i] = value;
    });
    return text;
  };
  return lines
    .map((segments) => {
      state[0] = 0;
      return segments.map(encodeSegment).join(',');
    })
    .join(';');
}

/**
 * The map with only the sources `keep` accepts: a segment from another source becomes an unmapped one
 * (its column only), so the code it covers resolves to nothing rather than to the kept code before it;
 * runs of unmapped segments collapse to one, and the names no kept segment uses go.
 *
 * @example
 * ```ts
 * const trimmed = trimSourceMap(map, (source) => !source.includes('node_modules/'));
 * ```
 */
export function trimSourceMap(map: RawSourceMap, keep: (source: string) => boolean): RawSourceMap {
  // Kept sources stay in their order (esbuild's: the entry module last); names in order of first use.
  const sourceIndex = new Map<number, number>();
  map.sources.forEach((source, old) => {
    if (keep(source)) sourceIndex.set(old, sourceIndex.size);
  });
  const nameIndex = new Map<number, number>();
  const newNameOf = (old: number) => nameIndex.get(old) ?? nameIndex.set(old, nameIndex.size).get(old)!;
  // A lookup finds the nearest segment at or before a position, on an earlier line too: the mark of
  // unmapped code is needed wherever the segment before it (on any line) is a kept one.
  let afterKept = false;
  const lines = decodeMappings(map.mappings).map((segments) => {
    const kept: Segment[] = [];
    for (const segment of segments) {
      const [column, source, line, sourceColumn, name] = segment as [number, number?, number?, number?, number?];
      const newSource = source === undefined ? undefined : sourceIndex.get(source);
      if (newSource !== undefined) kept.push([column, newSource, line!, sourceColumn!, ...(name === undefined ? [] : [newNameOf(name)])]);
      else if (afterKept) kept.push([column]);
      afterKept = newSource !== undefined;
    }
    return kept;
  });
  const reorder = <T>(table: Map<number, number>, values: readonly T[]) => {
    const result: T[] = new Array<T>(table.size);
    for (const [old, index] of table) result[index] = values[old]!;
    return result;
  };
  return {
    ...map,
    sources: reorder(sourceIndex, map.sources),
    ...(map.sourcesContent ? { sourcesContent: reorder(sourceIndex, map.sourcesContent) } : {}),
    ...(map.names ? { names: reorder(nameIndex, map.names) } : {}),
    mappings: encodeMappings(lines),
  };
}

/** Our own modules: everything the bundle took from outside `node_modules`. */
export const isOwnSource = (source: string): boolean => !source.includes('node_modules/');
