import { PayloadError } from '../../core/channels/channel-adapter.js';
import { parseJsonKeepingBigInts } from '../shared/json-big-ints.js';
import { parseXml, XmlSyntaxError } from './wecom-xml.js';

/**
 * Parsing of WeCom callback bodies: the outer envelope (`<xml><ToUserName/><Encrypt/><AgentID/></xml>`,
 * or `{"tousername","encrypt","agentid"}` for JSON-mode apps such as 智能机器人) and the decrypted
 * inner message. Values stay strings: `MsgId` exceeds 2^53 (doc 90968 example 4561255354251345929).
 */

export type CallbackFormat = 'xml' | 'json';

/** The outer POST body. Only `encrypt` is signed; the other fields are hints. */
export interface CallbackEnvelope {
  readonly format: CallbackFormat;
  readonly encrypt: string;
  readonly toUserName?: string;
  readonly agentId?: string;
}

/** A decrypted message as flat, case-exact field names (`MsgType`, `Content`, …); nested elements kept. */
export type WeComFields = Readonly<Record<string, unknown>>;

const BOM = '\uFEFF';

function stripBom(text: string): string {
  return text.startsWith(BOM) ? text.slice(1) : text;
}

/** Parses an `<xml>…</xml>` document to its root's children, or throws `PayloadError` naming what is wrong. */
export function parseWeComXml(text: string, what: string): WeComFields {
  const xml = stripBom(text).trim();
  if (/<!DOCTYPE|<!ENTITY/i.test(xml)) throw new PayloadError(`${what}: DOCTYPE / ENTITY declarations are not accepted`);
  let document: Record<string, unknown>;
  try {
    document = parseXml(xml);
  } catch (error) {
    if (!(error instanceof XmlSyntaxError)) throw error;
    throw new PayloadError(`${what} is not well-formed XML: ${error.message}`, { cause: error });
  }
  const root = document.xml;
  if (root === null || typeof root !== 'object' || Array.isArray(root)) {
    throw new PayloadError(`${what} has no <xml> root element with children`);
  }
  return root as WeComFields;
}

function parseJsonObject(text: string, what: string): Record<string, unknown> {
  let value: unknown;
  try {
    value = parseJsonKeepingBigInts(stripBom(text));
  } catch (error) {
    throw new PayloadError(`${what} is not valid JSON: ${(error as Error).message}`, { cause: error });
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) throw new PayloadError(`${what} is not a JSON object`);
  return value as Record<string, unknown>;
}

/** A field as a string (numbers become their decimal text); `undefined` when absent or not scalar. */
export function textField(fields: WeComFields, name: string): string | undefined {
  const value = fields[name];
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'bigint') return String(value);
  return undefined;
}

/** Reads the outer envelope of a POST. @throws PayloadError when there is no `Encrypt` to verify. */
export function parseCallbackEnvelope(rawBody: Buffer): CallbackEnvelope {
  const text = stripBom(rawBody.toString('utf8')).trim();
  if (text.startsWith('{')) {
    const body = parseJsonObject(text, 'request body');
    const encrypt = textField(body, 'encrypt') ?? textField(body, 'Encrypt');
    if (encrypt === undefined || encrypt === '') throw new PayloadError('request body: "encrypt" is missing');
    return { format: 'json', encrypt, toUserName: textField(body, 'tousername'), agentId: textField(body, 'agentid') };
  }
  if (!text.startsWith('<')) throw new PayloadError('request body is neither XML nor JSON');
  const body = parseWeComXml(text, 'request body');
  const encrypt = textField(body, 'Encrypt');
  if (encrypt === undefined || encrypt === '') throw new PayloadError('request body: <Encrypt> is missing');
  return { format: 'xml', encrypt, toUserName: textField(body, 'ToUserName'), agentId: textField(body, 'AgentID') };
}

/**
 * The robot JSON callback (企业微信智能机器人, https://developer.work.weixin.qq.com/document/path/100719)
 * uses lower-case nested fields; map them onto the XML names so one normaliser serves both.
 */
function robotToFields(json: Record<string, unknown>): WeComFields {
  const from = json.from as Record<string, unknown> | undefined;
  const text = json.text as Record<string, unknown> | undefined;
  return {
    MsgId: json.msgid,
    MsgType: json.msgtype,
    ChatId: json.chatid,
    FromUserName: from && typeof from === 'object' ? from.userid : undefined,
    Content: text && typeof text === 'object' ? text.content : undefined,
    AgentID: json.aibotid,
  };
}

/** Parses the decrypted message, whichever format the app uses. @throws PayloadError */
export function parseDecryptedMessage(plaintext: string): WeComFields {
  const text = stripBom(plaintext).trim();
  if (text.startsWith('<')) return parseWeComXml(text, 'decrypted message');
  if (text.startsWith('{')) {
    const json = parseJsonObject(text, 'decrypted message');
    return 'MsgType' in json ? json : robotToFields(json);
  }
  throw new PayloadError('decrypted message is neither XML nor JSON');
}
