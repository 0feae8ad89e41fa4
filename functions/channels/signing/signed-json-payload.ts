import type * as z from '../../core/zod.js';
import { PayloadError, type VerifiedDelivery, type WebhookRequest } from '../../core/channels/channel-adapter.js';
import { CommunicationInput } from '../../core/model/communication-input.js';
import { COMMHUB_SIGNATURE_HEADER, verifyCommHub } from './commhub-signature.js';

/** A CommHub-signed JSON delivery: the parsed body and the replay key the signature yields. */
export interface SignedJsonPayload {
  readonly body: unknown;
  readonly replay: VerifiedDelivery;
}

const MAX_ISSUES_IN_MESSAGE = 5;

/** `['calls', 2, 'caller']` → `calls[2].caller`: how an integrator finds the field in their JSON. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out === '' ? String(key) : `.${String(key)}`;
  }
  return out === '' ? '(body)' : out;
}

/** A PayloadError naming every failing field (the first few), e.g. `telephony CDR: caller: Required`. */
export function payloadErrorFrom(subject: string, error: z.core.$ZodError): PayloadError {
  const issues = error.issues.slice(0, MAX_ISSUES_IN_MESSAGE).map((issue) => `${formatPath(issue.path)}: ${issue.message}`);
  const more = error.issues.length > MAX_ISSUES_IN_MESSAGE ? ` (and ${error.issues.length - MAX_ISSUES_IN_MESSAGE} more)` : '';
  return new PayloadError(`${subject}: ${issues.join('; ')}${more}`);
}

/** Parses with `schema` or throws a PayloadError naming the fields. */
export function parseOrThrow<S extends z.ZodMiniType>(schema: S, value: unknown, subject: string): z.infer<S> {
  const result = schema.safeParse(value);
  if (!result.success) throw payloadErrorFrom(subject, result.error);
  return result.data;
}

/** `position 1412` of a JSON.parse message → `line 44, column 9`: what an editor shows. */
function describePosition(text: string, message: string): string {
  const position = /position (\d+)/.exec(message)?.[1];
  if (position === undefined) return message;
  const before = text.slice(0, Number(position));
  const line = before.split('\n').length;
  const column = Number(position) - before.lastIndexOf('\n');
  return `${message} (line ${line}, column ${column})`;
}

/**
 * Reads a JSON body. Strict on purpose: vendors emit valid JSON, so a comment, a trailing comma or a
 * stray brace means a hand-edited or broken sender and is answered with a 400 naming the position.
 */
export function parseJsonBody(rawBody: Buffer, subject: string): unknown {
  // A UTF-8 byte-order mark is not JSON, but Windows tools prepend one; it carries no meaning.
  const text = rawBody.toString('utf8').replace(/^\uFEFF/, '');
  if (text.trim() === '') throw new PayloadError(`${subject}: the body is empty; expected a JSON object`);
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new PayloadError(`${subject}: the body is not valid JSON: ${describePosition(text, (error as Error).message)}`);
  }
}

/**
 * Verifies the `X-CommHub-Signature` FIRST (nothing unauthenticated is parsed), then reads the JSON.
 * Throws SignatureError or PayloadError only.
 */
export function readSignedJson(request: WebhookRequest, secret: string, subject: string): SignedJsonPayload {
  const replay = verifyCommHub(request.headers[COMMHUB_SIGNATURE_HEADER], secret, request.rawBody, request.receivedAt);
  return { body: parseJsonBody(request.rawBody, subject), replay };
}

/**
 * The last gate before returning items: each must be valid canonical input. A failure here is a
 * payload the adapter mapped but the hub cannot store (e.g. an over-long field) — still a 400, never a 500.
 */
export function checkedInputs(items: readonly CommunicationInput[], subject: string): CommunicationInput[] {
  return items.map((item, index) => parseOrThrow(CommunicationInput, item, items.length > 1 ? `${subject} [${index}]` : subject));
}

/** Drops `undefined` members so stored items and metadata carry no empty keys. */
export function compact<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}
