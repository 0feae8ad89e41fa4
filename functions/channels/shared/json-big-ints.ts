/**
 * `JSON.parse` that keeps integers beyond 2^53 as their exact decimal strings. Chinese vendors send
 * 64-bit ids as bare JSON numbers (WeCom `MsgId` 4561255354251345929, 会话存档 `meetingid`
 * 11101571002822706744 — see https://developer.work.weixin.qq.com/document/path/91774), which a plain
 * `JSON.parse` silently rounds, breaking dedup on the source record id.
 */
export function parseJsonKeepingBigInts(text: string): unknown {
  return JSON.parse(quoteUnsafeIntegers(text));
}

const NUMBER_AT = /-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?/y;

/** Wraps unsafe integer literals (outside strings) in quotes; everything else is left byte for byte. */
function quoteUnsafeIntegers(text: string): string {
  let out = '';
  let copiedUpTo = 0;
  let inString = false;
  for (let i = 0; i < text.length; i += 1) {
    const ch = text[i];
    if (inString) {
      if (ch === '\\') i += 1;
      else if (ch === '"') inString = false;
      continue;
    }
    if (ch === '"') {
      inString = true;
      continue;
    }
    if (ch !== '-' && (ch === undefined || ch < '0' || ch > '9')) continue;
    NUMBER_AT.lastIndex = i;
    const literal = NUMBER_AT.exec(text)?.[0];
    if (literal === undefined) continue;
    if (/^-?\d+$/.test(literal) && !Number.isSafeInteger(Number(literal))) {
      out += `${text.slice(copiedUpTo, i)}"${literal}"`;
      copiedUpTo = i + literal.length;
    }
    i += literal.length - 1;
  }
  return out + text.slice(copiedUpTo);
}
