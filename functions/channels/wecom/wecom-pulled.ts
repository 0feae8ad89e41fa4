import { PayloadError } from '../../core/channels/channel-adapter.js';
import type { CommunicationInput } from '../../core/model/communication-input.js';
import { asRecord } from '../shared/json-values.js';
import { parseJsonKeepingBigInts } from '../shared/json-big-ints.js';

/** Shared by the pulled feeds (会话存档, 微信客服): their result shape and input parsing. */

/** What a batch of pulled messages became: records, and everything left out with the reason. */
export interface ArchiveResult {
  readonly items: CommunicationInput[];
  readonly skipped: { readonly id: string; readonly reason: string }[];
}

/** An object, or JSON text parsed so 64-bit ids (`meetingid`, `filesize`) stay exact strings. */
export function parseVendorObject(message: unknown, what: string): Record<string, unknown> {
  let value = message;
  if (typeof message === 'string' || Buffer.isBuffer(message)) {
    try {
      value = parseJsonKeepingBigInts(message.toString());
    } catch (error) {
      throw new PayloadError(`${what} is not valid JSON`, { cause: error });
    }
  }
  const record = asRecord(value);
  if (record === undefined) throw new PayloadError(`${what} is not a JSON object`);
  return record;
}
