import { readdirSync, readFileSync } from 'node:fs';
import fc from 'fast-check';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { parseXml, XmlSyntaxError } from '../../functions/channels/wecom/wecom-xml.js';

const FIXTURES = new URL('../../../shared/fixtures/wecom/', import.meta.url);

/**
 * The reference: fast-xml-parser as the WeCom code used it before (attributes ignored, values kept as
 * text, trimmed, the five XML entities decoded). `undefined` when it refuses the document.
 */
const reference = new XMLParser({ ignoreAttributes: true, parseTagValue: false, trimValues: true, processEntities: true, htmlEntities: false });
function referenceParse(xml: string): unknown {
  if (XMLValidator.validate(xml) !== true) return undefined;
  try {
    return reference.parse(xml);
  } catch {
    return undefined;
  }
}

function oursParse(xml: string): unknown {
  try {
    return parseXml(xml);
  } catch (error) {
    if (error instanceof XmlSyntaxError) return undefined;
    throw error;
  }
}

/** Every WeCom XML fixture: callback envelopes, decrypted messages, message-audit notices. */
function fixtureDocuments(): [string, string][] {
  return ['callback-messages', 'msgaudit', 'callback-bodies'].flatMap((dir) =>
    readdirSync(new URL(`${dir}/`, FIXTURES))
      .filter((name) => name.endsWith('.xml'))
      .map((name): [string, string] => [
        `${dir}/${name}`,
        readFileSync(new URL(`${dir}/${name}`, FIXTURES), 'utf8')
          .replace(/^\uFEFF/, '')
          .trim(),
      ]),
  );
}

/**
 * Well-formed documents: an element tree with text, CDATA, entities, comments and attributes. (Not
 * named like Object properties: the reference refuses `constructor` and renames `toString`.)
 */
const name = fc.constantFrom('xml', 'A', 'B', 'MsgType', 'Content', '中文', 'x-y.z');
const text = fc.constantFrom('', ' ', 'text', ' 中文 ', '&amp;', '&lt;b&gt;', '&quot;&apos;', '>', '\n  ', 'a]b', '&nbsp;');
const element: fc.Memo<string> = fc.memo((depth) =>
  fc
    .tuple(
      name,
      fc.constantFrom('', ' x="1"', " y='&amp;'", ' x="1" y="2"'),
      depth <= 1
        ? fc.array(fc.oneof(text, fc.constantFrom('<![CDATA[ raw <b>&amp; ]]>', '<!-- note -->')), { maxLength: 3 })
        : fc.array(fc.oneof(text, element(depth - 1)), { maxLength: 4 }),
      fc.boolean(),
    )
    .map(([tag, attributes, content, selfClose]) => (selfClose && content.length === 0 ? `<${tag}${attributes}/>` : `<${tag}${attributes}>${content.join('')}</${tag}>`)),
);

describe('WeCom XML reader', () => {
  it('reads every WeCom XML fixture exactly as the reference parser does', () => {
    // Prepare
    const documents = fixtureDocuments();
    expect(documents.length).toBeGreaterThan(10);

    for (const [file, xml] of documents) {
      // Act / Assess
      expect(oursParse(xml), file).toEqual(referenceParse(xml));
      expect(oursParse(xml), file).toBeDefined();
    }
  });

  it('reads any well-formed element tree as the reference parser does', () => {
    fc.assert(
      fc.property(element(4), fc.constantFrom('', '<?xml version="1.0" encoding="UTF-8"?>\n', '<!-- lead -->'), (root, prolog) => {
        const xml = `${prolog}${root}`;
        const expected = referenceParse(xml) as Record<string, unknown>;
        delete expected['?xml'];
        expect(oursParse(xml)).toEqual(expected);
      }),
      { numRuns: 3000, seed: 20261208 },
    );
  });

  it('accepts nothing the reference refuses, and reads what it accepts the same way', () => {
    // Arbitrary concatenations of markup pieces, processing instructions and character references
    // aside (the reference keeps `&#65;` as written and lists `<?pi?>` as a key; the reader decodes the
    // one and skips the other, as XML says).
    const piece = fc.constantFrom(
      '<xml>',
      '</xml>',
      '<A>',
      '</A>',
      '<B/>',
      '<A x="1">',
      '<A x="1" x="2">',
      '<![CDATA[ c ]]>',
      '<!-- k -->',
      '&amp;',
      '&lt;',
      '&nbsp;',
      ' ',
      'text',
      '中文',
      '<A',
      '>',
      '&',
      ']]>',
      '<B>',
      '</B>',
      '\n',
      '</',
      '<!DOCTYPE x>',
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 14 }), (parts) => {
        const xml = parts.join('');
        const ours = oursParse(xml);
        if (ours !== undefined) expect(ours).toEqual(referenceParse(xml));
      }),
      { numRuns: 20000, seed: 7 },
    );
  });

  it('gives text, empty elements, repeated elements and mixed content their shapes', () => {
    // Act
    const parsed = parseXml('<xml><A>  a <![CDATA[ b ]]> c </A><E/><F></F><R>1</R><R>2</R><R><S>x</S></R><M>x<S>y</S>z</M></xml>');

    // Assess
    expect(parsed).toEqual({ xml: { A: 'a b c', E: '', F: '', R: ['1', '2', { S: 'x' }], M: { S: 'y', '#text': 'xz' } } });
  });

  it('decodes character references, and keeps what is not a reference to a character XML allows as written', () => {
    // Act / Assess
    expect(parseXml('<xml>&#x4E2D;&#25991; &#128512; &nbsp;</xml>')).toEqual({ xml: '中文 😀 &nbsp;' });
    expect(parseXml('<xml><B>&#0;&#xD800;</B></xml>')).toEqual({ xml: { B: '&#0;&#xD800;' } });
  });

  it('gives elements named like Object properties their own values', () => {
    // Act
    const parsed = parseXml('<xml><constructor>c</constructor><toString>t</toString><hasOwnProperty>h</hasOwnProperty></xml>') as { xml: Record<string, unknown> };

    // Assess
    expect(Object.entries(parsed.xml)).toEqual([
      ['constructor', 'c'],
      ['toString', 't'],
      ['hasOwnProperty', 'h'],
    ]);
    expect(Object.getPrototypeOf({})).toHaveProperty('constructor', Object);
  });

  it.each([
    ['<xml><A>x</a></xml>', 'expected </A> (opened on line 1) but found </a>'],
    ['<xml>\n<A>\n<B>x</B>', '<A> (opened on line 2) is not closed'],
    ['<xml><Encrypt>abc</Encr', 'a closing tag is malformed'],
    ['<xml/><xml/>', 'a second root element'],
    ['<xml/>tail', 'text after the root element'],
    ['lead<xml/>', 'text before the root element'],
    ['<!DOCTYPE x [<!ENTITY a "b">]><xml>&a;</xml>', 'DOCTYPE declarations are not accepted'],
    ['<xml><A x="1" x="2"/></xml>', 'attribute "x" is repeated on <A>'],
    ['<xml><1A/></xml>', 'a tag name is missing or invalid'],
    ['<xml>AT&T</xml>', '"&" must start an entity reference such as &amp;'],
    ['<xml>&amp co</xml>', '"&" must start an entity reference such as &amp;'],
    ['<xml><![CDATA[open</xml>', 'a CDATA section is not closed'],
    ['<xml><!-- open</xml>', 'a comment is not closed'],
    ['<xml><__proto__>x</__proto__></xml>', '"__proto__" is not accepted as an element name'],
    ['', 'there is no root element'],
    [`${'<A>'.repeat(65)}`, 'elements are nested deeper than 64'],
  ])('refuses %j, saying %s', (xml, reason) => {
    // Act
    let error: unknown;
    try {
      parseXml(xml);
    } catch (caught) {
      error = caught;
    }

    // Assess
    expect(error).toBeInstanceOf(XmlSyntaxError);
    expect((error as XmlSyntaxError).reason).toBe(reason);
  });

  it('reads a large document in linear time (line numbers are counted only for an error)', () => {
    // Prepare
    const xml = `<xml>${'<Item><![CDATA[内容]]></Item>\n'.repeat(50_000)}</xml>`;

    // Act
    const started = performance.now();
    const parsed = parseXml(xml) as { xml: { Item: string[] } };

    // Assess
    expect(parsed.xml.Item).toHaveLength(50_000);
    expect(performance.now() - started).toBeLessThan(2_000);
  });
});
