/**
 * A strict, small reader for the XML WeCom posts: one root element, elements nested to any reasonable
 * depth, CDATA, the five predefined entities and character references; attributes are checked and
 * skipped; DOCTYPEs are refused (so no entity is ever declared or expanded).
 *
 * The tree it gives is the one the WeCom code reads: an element with only text is its text, an empty
 * element `''`, an element with children an object of them (repeated names as arrays, in order, and
 * any text beside them under `#text`). Character data is trimmed piece by piece, as CDATA sections and
 * child elements cut it (a comment does not); CDATA is kept as written. These are the shapes
 * fast-xml-parser gave the WeCom code before (test/channels/wecom-xml.test.ts compares the two).
 */

/** Where and why a document is not well-formed XML. */
export class XmlSyntaxError extends Error {
  override readonly name = 'XmlSyntaxError';

  constructor(
    readonly reason: string,
    readonly line: number,
  ) {
    super(`${reason} (line ${line})`);
  }
}

export type XmlValue = string | XmlElement | readonly XmlValue[];
export interface XmlElement {
  readonly [name: string]: XmlValue;
}

/** Deeper than any message WeCom sends (≤ 5); bounds the work a hostile body can ask for. */
const MAX_DEPTH = 64;
const PREDEFINED: Readonly<Record<string, string>> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };
/** XML 1.0 names (§2.3), with every character past U+00BF allowed as a name character. */
const NAME = /[A-Za-z_:\u00c0-\uffff][A-Za-z0-9_:.\-\u00b7\u00c0-\uffff]*/y;
const ATTRIBUTE = /\s+([A-Za-z_:\u00c0-\uffff][A-Za-z0-9_:.\-\u00b7\u00c0-\uffff]*)\s*=\s*(?:"[^"<]*"|'[^'<]*')/y;
const SPACE = /\s*/y;

/**
 * Decodes the references in a run of character data. An `&` that starts no reference makes the
 * document not well-formed (as fast-xml-parser, used before, also said); an undeclared entity or a
 * reference to a character XML does not allow (`&#0;`) stays as written, as it did there.
 */
function decodeText(raw: string, line: () => number): string {
  return raw.replace(/&([^;&\s]*);?/g, (whole, name: string) => {
    if (!whole.endsWith(';') || name === '') throw new XmlSyntaxError(`"&" must start an entity reference such as &amp;`, line());
    const hex = /^#x([0-9a-fA-F]+)$/.exec(name)?.[1];
    const dec = /^#([0-9]+)$/.exec(name)?.[1];
    if (hex === undefined && dec === undefined) return PREDEFINED[name] ?? whole;
    const code = hex !== undefined ? parseInt(hex, 16) : parseInt(dec!, 10);
    const legal = code === 0x9 || code === 0xa || code === 0xd || (code >= 0x20 && code <= 0xd7ff) || (code >= 0xe000 && code <= 0xfffd) || (code >= 0x10000 && code <= 0x10ffff);
    return legal ? String.fromCodePoint(code) : whole;
  });
}

interface Frame {
  readonly name: string;
  /** Where its opening tag starts (its line is counted only for an error). */
  readonly start: number;
  children?: Record<string, XmlValue>;
  text: string;
  /** Character data since the last CDATA section or element (a comment does not end it), and where it began. */
  pending: string;
  pendingStart: number;
}

function addChild(parent: Frame, name: string, value: XmlValue): void {
  const children = (parent.children ??= {});
  // Own properties only: an element named `constructor` or `toString` is not the prototype's.
  const existing = Object.hasOwn(children, name) ? children[name] : undefined;
  if (existing === undefined) children[name] = value;
  else if (Array.isArray(existing)) (existing as XmlValue[]).push(value);
  else children[name] = [existing, value];
}

function valueOf(frame: Frame): XmlValue {
  if (frame.children === undefined) return frame.text;
  if (frame.text !== '') frame.children['#text'] = frame.text;
  return frame.children;
}

/**
 * Reads a document into `{ rootName: value }`.
 *
 * @example
 * parseXml('<xml><MsgType><![CDATA[text]]></MsgType><Content>你好</Content></xml>');
 * // → { xml: { MsgType: 'text', Content: '你好' } }
 *
 * @throws XmlSyntaxError naming the first thing that is not well-formed, and its line.
 */
export function parseXml(xml: string): Record<string, XmlValue> {
  let at = 0;
  const lineAt = (index: number) => {
    let line = 1;
    for (let i = xml.indexOf('\n'); i !== -1 && i < index; i = xml.indexOf('\n', i + 1)) line++;
    return line;
  };
  const fail = (reason: string, index = at): never => {
    throw new XmlSyntaxError(reason, lineAt(index));
  };
  const match = (pattern: RegExp) => {
    pattern.lastIndex = at;
    const found = pattern.exec(xml);
    if (found) at = pattern.lastIndex;
    return found;
  };
  /** Skips past `end`, or fails naming the construct `what` left open. */
  const skipPast = (end: string, what: string) => {
    const close = xml.indexOf(end, at);
    if (close === -1) fail(`${what} is not closed`);
    const body = xml.slice(at, close);
    at = close + end.length;
    return body;
  };

  /** Text pieces are trimmed one by one, as CDATA sections and elements cut them. */
  const flush = (frame: Frame) => {
    if (frame.pending === '') return;
    frame.text += decodeText(frame.pending, () => lineAt(frame.pendingStart)).trim();
    frame.pending = '';
  };
  const stack: Frame[] = [];
  let root: Record<string, XmlValue> | undefined;

  if (xml.startsWith('<?xml', at) && /\s|\?/.test(xml[at + 5] ?? '')) skipPast('?>', 'the XML declaration');
  while (at < xml.length) {
    const top = stack[stack.length - 1];
    const lt = xml.indexOf('<', at);
    const textEnd = lt === -1 ? xml.length : lt;
    if (textEnd > at) {
      const start = at;
      const text = xml.slice(at, textEnd);
      at = textEnd;
      if (top) {
        if (top.pending === '') top.pendingStart = start;
        top.pending += text;
      } else if (text.trim() !== '') fail(root ? 'text after the root element' : 'text before the root element', start);
      continue;
    }
    const start = at;
    if (xml.startsWith('<!--', at)) {
      at += 4;
      skipPast('-->', 'a comment');
    } else if (xml.startsWith('<![CDATA[', at)) {
      if (!top) fail('CDATA outside the root element');
      at += 9;
      flush(top!);
      top!.text += skipPast(']]>', 'a CDATA section');
    } else if (xml.startsWith('<!', at)) {
      fail(/^<!DOCTYPE/i.test(xml.slice(at, at + 9)) ? 'DOCTYPE declarations are not accepted' : 'markup declarations are not accepted');
    } else if (xml.startsWith('<?', at)) {
      at += 2;
      if (/^xml\b/i.test(xml.slice(at, at + 4))) fail('an XML declaration is only allowed at the very start');
      skipPast('?>', 'a processing instruction');
    } else if (xml.startsWith('</', at)) {
      at += 2;
      const name = match(NAME)?.[0];
      match(SPACE);
      if (name === undefined || xml[at] !== '>') fail('a closing tag is malformed');
      at++;
      const frame = stack.pop();
      if (!frame) fail(`closing tag </${name}> without an opening tag`, start);
      flush(frame!);
      if (frame!.name !== name) fail(`expected </${frame!.name}> (opened on line ${lineAt(frame!.start)}) but found </${name}>`, start);
      const parent = stack[stack.length - 1];
      if (parent) flush(parent);
      if (parent) addChild(parent, name!, valueOf(frame!));
      else root = { [name!]: valueOf(frame!) };
    } else {
      at++;
      const name = match(NAME)?.[0];
      if (name === undefined) fail('a tag name is missing or invalid');
      if (name === '__proto__') fail('"__proto__" is not accepted as an element name');
      if (!top && root) fail('a second root element', start);
      const seen = new Set<string>();
      for (let attribute = match(ATTRIBUTE); attribute; attribute = match(ATTRIBUTE)) {
        if (seen.has(attribute[1]!)) fail(`attribute "${attribute[1]}" is repeated on <${name}>`);
        seen.add(attribute[1]!);
      }
      match(SPACE);
      const selfClosing = xml.startsWith('/>', at);
      if (!selfClosing && xml[at] !== '>') fail(`<${name}> is malformed`);
      at += selfClosing ? 2 : 1;
      if (top) flush(top);
      if (selfClosing) {
        if (top) addChild(top, name!, '');
        else root = { [name!]: '' };
      } else {
        if (stack.length >= MAX_DEPTH) fail(`elements are nested deeper than ${MAX_DEPTH}`);
        stack.push({ name: name!, start, text: '', pending: '', pendingStart: at });
      }
    }
  }
  const open = stack[stack.length - 1];
  if (open) fail(`<${open.name}> (opened on line ${lineAt(open.start)}) is not closed`);
  if (!root) fail('there is no root element');
  return root!;
}
