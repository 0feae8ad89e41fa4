import { createHash } from 'node:crypto';

const JOB_NAME_MAX_LENGTH = 200;
const DIGEST_LENGTH = 20;

/** Letters, digits, `.`, `_`, `-` kept (Transcribe's job-name alphabet); anything else becomes `_`. */
const safeNamePart = (value: string) => value.replace(/[^0-9A-Za-z._-]/g, '_');

/**
 * The Transcribe job name of a record's transcription in one workflow run: the same for every retry
 * of that run, so a retried start meets the job it already started (`ConflictException`) instead of
 * paying for a second one; a replay (another run) gets a new job. Readable
 * (`commhub-<tenant>-<record>-<run>-…`) and made unique by a SHA-256 suffix over the raw ids, since
 * sanitising alone could map two ids to one name.
 *
 * @example transcriptionJobName('T001', 'CALL-20240615-8Z…', 'first') // 'commhub-T001-CALL-20240615-8Z…-first-3f2a…'
 */
export function transcriptionJobName(tenantId: string, recordId: string, run = 'first'): string {
  const digest = createHash('sha256').update(`${tenantId}\u0000${recordId}\u0000${run}`).digest('hex').slice(0, DIGEST_LENGTH);
  const readable = `commhub-${safeNamePart(tenantId)}-${safeNamePart(recordId)}-${safeNamePart(run)}`;
  return `${readable.slice(0, JOB_NAME_MAX_LENGTH - DIGEST_LENGTH - 1)}-${digest}`;
}
