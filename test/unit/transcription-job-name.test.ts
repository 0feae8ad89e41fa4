import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { transcriptionJobName } from '../../functions/core/workflow/transcription-job-name.js';

describe('transcriptionJobName', () => {
  const validJobName = /^[0-9a-zA-Z._-]{1,200}$/;
  /** Ids full of characters that sanitise alike, so distinct ids often look the same once cleaned. */
  const lookalikeId = fc.string({ unit: fc.constantFrom('a', 'B', '/', '_', ' ', '中', '-', '.', '#'), maxLength: 12 });
  /** Any code points (lone surrogates included), or long enough to be cut. */
  const anyId = fc.oneof(fc.string({ unit: 'binary', maxLength: 100 }), fc.string({ unit: 'grapheme', minLength: 150, maxLength: 400 }));

  it('is a valid Transcribe job name for any tenant and record id, and the same each time', () => {
    fc.assert(
      fc.property(anyId, anyId, (tenantId, recordId) => {
        // Act
        const name = transcriptionJobName(tenantId, recordId);

        // Assess
        expect(name).toMatch(validJobName);
        expect(transcriptionJobName(tenantId, recordId)).toBe(name);
      }),
      { numRuns: 200 },
    );
  });

  it('gives different records different names, even when their ids sanitise alike', () => {
    fc.assert(
      fc.property(fc.tuple(lookalikeId, lookalikeId), fc.tuple(lookalikeId, lookalikeId), ([tenantA, recordA], [tenantB, recordB]) => {
        // Prepare
        fc.pre(tenantA !== tenantB || recordA !== recordB);

        // Act / Assess
        expect(transcriptionJobName(tenantA, recordA)).not.toBe(transcriptionJobName(tenantB, recordB));
      }),
      { numRuns: 200 },
    );
  });
});
