import { createHash } from 'node:crypto';
import { RECORD_ID_PREFIX, type RecordType } from './record-types.js';

/** Crockford base32: no I, L, O, U, so ids survive being read aloud or retyped. */
const BASE32 = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
/** 24 × 5 = 120 bits: a year of 100k records/s (3.2e12) collides with probability ≈ 4e-12. */
const SUFFIX_LENGTH = 24;

function base32(bytes: Uint8Array, length: number): string {
  let out = '';
  let buffer = 0;
  let bits = 0;
  for (const byte of bytes) {
    buffer = (buffer << 8) | byte;
    bits += 8;
    while (bits >= 5 && out.length < length) {
      out += BASE32[(buffer >>> (bits - 5)) & 31];
      bits -= 5;
    }
    buffer &= (1 << bits) - 1;
    if (out.length === length) break;
  }
  return out;
}

/**
 * The identity of a source message within a tenant: the hash every delivery of it maps to, so
 * redelivery (however often, however concurrent) finds the same record.
 */
export function sourceIdentityHash(tenantId: string, sourceSystem: string, sourceRecordId: string): string {
  const digest = createHash('sha256').update(`${tenantId}\u0000${sourceSystem}\u0000${sourceRecordId}`).digest();
  return base32(digest, SUFFIX_LENGTH);
}

/**
 * Builds the readable record id of the seed (`EMAIL-20240615-…`): type prefix, the day the
 * communication happened (UTC) and the source identity hash.
 *
 * @example recordIdFor('T001', 'email', 'ses', '<abc@x>', '2024-06-15T02:30:00.000Z') // 'EMAIL-20240615-…'
 */
export function recordIdFor(tenantId: string, type: RecordType, sourceSystem: string, sourceRecordId: string, occurredAtUtc: string): string {
  const day = occurredAtUtc.slice(0, 10).replaceAll('-', '');
  return `${RECORD_ID_PREFIX[type]}-${day}-${sourceIdentityHash(tenantId, sourceSystem, sourceRecordId)}`;
}

const RECORD_ID_PATTERN = new RegExp(`^([A-Z]+)-(\\d{8})-([${BASE32}]{${SUFFIX_LENGTH}})$`);

/** The source identity hash inside a record id, or `null` when the string is not a record id. */
export function identityHashOf(recordId: string): string | null {
  return RECORD_ID_PATTERN.exec(recordId)?.[3] ?? null;
}
