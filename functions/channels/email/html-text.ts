const NAMED_ENTITIES: Readonly<Record<string, string>> = {
  nbsp: ' ', amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", copy: '©', reg: '®', trade: '™',
  hellip: '…', mdash: '—', ndash: '–', lsquo: '‘', rsquo: '’', ldquo: '“', rdquo: '”', bull: '•',
  middot: '·', laquo: '«', raquo: '»', euro: '€', yen: '¥', pound: '£', times: '×', divide: '÷', deg: '°',
  ensp: ' ', emsp: ' ', thinsp: ' ', zwnj: '', zwj: '', shy: '',
};

/** Elements whose content is never text the reader sees. */
const HIDDEN_OPEN = /<(script|style|head|title|template)\b[^<>]*>/gi;
/** Elements that end a line or block when rendered. */
const LINE_BREAKS = /<(?:br|hr)\b[^<>]*>|<\/(?:p|div|h[1-6]|li|tr|table|ul|ol|blockquote|pre|section|article|header|footer)\s*>|<(?:p|div|li|tr|h[1-6]|blockquote)\b[^<>]*>/gi;

function decodeEntity(entity: string, body: string): string {
  if (body.startsWith('#')) {
    const code = body[1] === 'x' || body[1] === 'X' ? Number.parseInt(body.slice(2), 16) : Number.parseInt(body.slice(1), 10);
    return Number.isInteger(code) && code > 0 && code <= 0x10ffff && (code < 0xd800 || code > 0xdfff) ? String.fromCodePoint(code) : entity;
  }
  return NAMED_ENTITIES[body.toLowerCase()] ?? entity;
}

/**
 * Removes hidden elements by scanning forward only (a regex with a lazy `[\s\S]*?` per element is
 * quadratic on unclosed tags, and this input is untrusted).
 */
function removeHidden(html: string): string {
  const kept: string[] = [];
  let position = 0;
  HIDDEN_OPEN.lastIndex = 0;
  for (let open = HIDDEN_OPEN.exec(html); open !== null; open = HIDDEN_OPEN.exec(html)) {
    kept.push(html.slice(position, open.index));
    const close = new RegExp(`</${open[1] as string}\\s*>`, 'gi');
    close.lastIndex = HIDDEN_OPEN.lastIndex;
    const end = close.exec(html);
    position = end === null ? html.length : close.lastIndex;
    HIDDEN_OPEN.lastIndex = position;
  }
  kept.push(html.slice(position));
  return kept.join('');
}

function removeComments(html: string): string {
  const kept: string[] = [];
  let position = 0;
  for (let open = html.indexOf('<!--'); open !== -1; open = html.indexOf('<!--', position)) {
    kept.push(html.slice(position, open));
    const close = html.indexOf('-->', open + 4);
    position = close === -1 ? html.length : close + 3;
  }
  kept.push(html.slice(position));
  return kept.join('');
}

/**
 * Readable plain text from an HTML body, for HTML-only mails where mailparser gives no text (it only
 * converts HTML of a single-part message: `webklex-inline-cid-image.eml`,
 * `phpmime-forward-html-with-text-rfc822.eml`). Block ends become line breaks, tags are dropped,
 * entities decoded, runs of blank space collapsed. Linear in the input: every pattern stops at the
 * next `<`, so a flood of unclosed `<` cannot make it quadratic.
 *
 * @example htmlToText('<p>Hello&nbsp;<b>world</b></p><p>Bye</p>') // 'Hello world\nBye'
 */
export function htmlToText(html: string): string {
  const visible = removeHidden(removeComments(html));
  const text = visible
    .replace(/\r\n?|\n/g, ' ') // source line breaks are spaces in HTML
    .replace(LINE_BREAKS, '\n')
    .replace(/<[^<>]*>/g, '')
    .replace(/&(#\d{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z]{2,8});/g, decodeEntity);
  return text
    .split('\n')
    .map((line) => line.replace(/[ \t\u00a0]+/g, ' ').trim())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}
