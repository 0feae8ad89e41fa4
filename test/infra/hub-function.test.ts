import { describe, expect, it } from 'vitest';
import { blobKeys } from '../../functions/adapters/s3/s3-blob-store.js';
import type { RawPayload } from '../../functions/core/ports/blob-store.js';
import { RAW_PAYLOAD_PREFIX } from '../../lib/hub-function.js';

describe('HubFunction', () => {
  it.each([
    ['an accepted delivery', {}],
    ['a delivery of one record', { recordId: 'R1' }],
    ['a refused delivery', { rejectedBecause: 'bad signature' }],
  ])('limits raw archive puts to the prefix the blob store writes %s under', (_case, variant) => {
    // Prepare
    const payload: RawPayload = {
      tenantId: 'T001',
      channel: 'connect',
      receivedAt: '2024-05-01T08:00:00.000Z',
      body: new Uint8Array([1]),
      contentType: 'application/json',
      ...variant,
    };

    // Act
    const key = blobKeys.raw(payload, 'digest');

    // Assess
    expect(key.startsWith(RAW_PAYLOAD_PREFIX)).toBe(true);
  });
});
