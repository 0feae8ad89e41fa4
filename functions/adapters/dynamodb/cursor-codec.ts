import { createHmac, timingSafeEqual } from 'node:crypto';
import { InvalidCursorError } from '../../core/errors.js';

type KeyMaterial = () => Promise<Uint8Array>;

/**
 * Opaque, signed pagination cursors. The payload (DynamoDB position) is HMAC-signed together with
 * the query's scope (tenant, customer, list), so a cursor that was altered, or that was issued for
 * another customer or tenant, fails verification and the request gets a 400 rather than data.
 */
export class CursorCodec {
  #key: Promise<Uint8Array> | undefined;

  constructor(private readonly keyMaterial: KeyMaterial) {}

  async encode(scope: string, position: unknown): Promise<string> {
    const payload = Buffer.from(JSON.stringify(position)).toString('base64url');
    return `${payload}.${await this.sign(scope, payload)}`;
  }

  /** Returns the position, or throws `InvalidCursorError`. */
  async decode<T>(scope: string, cursor: string): Promise<T> {
    const [payload, signature, extra] = cursor.split('.');
    if (!payload || !signature || extra !== undefined || cursor.length > 8192) {
      throw new InvalidCursorError('cursor is malformed');
    }
    const expected = Buffer.from(await this.sign(scope, payload));
    const given = Buffer.from(signature);
    if (expected.length !== given.length || !timingSafeEqual(expected, given)) {
      throw new InvalidCursorError('cursor does not belong to this query (altered, or issued for another customer or tenant)');
    }
    try {
      return JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as T;
    } catch (error) {
      throw new InvalidCursorError('cursor is malformed', { cause: error });
    }
  }

  private async sign(scope: string, payload: string): Promise<string> {
    // A failed key fetch is not cached: the next request tries again.
    this.#key ??= this.keyMaterial().catch((error: unknown) => {
      this.#key = undefined;
      throw error;
    });
    const mac = createHmac('sha256', await this.#key).update(scope).update('\u0000').update(payload);
    return mac.digest().subarray(0, 16).toString('base64url');
  }
}
