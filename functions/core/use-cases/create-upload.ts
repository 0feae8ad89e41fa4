import { randomUUID } from 'node:crypto';
import * as z from '../zod.js';
import type { HubDependencies } from '../dependencies.js';

export const UploadRequest = z.strictObject({
  fileName: z.string().check(z.minLength(1), z.maxLength(255)),
  contentType: z.string().check(z.minLength(3), z.maxLength(255), z.regex(/^[\w.+-]+\/[\w.+-]+$/, 'a media type such as audio/mpeg')),
  purpose: z._default(z.enum(['recording', 'photo', 'attachment']), 'attachment'),
});
export type UploadRequest = z.infer<typeof UploadRequest>;

export const UPLOAD_URL_TTL_SECONDS = 900;

/** Upload keys live under the tenant's own prefix; a record may only reference keys under it. */
export const uploadPrefix = (tenantId: string) => `uploads/${tenantId}/`;

/**
 * A presigned PUT URL for a recording or photo. The returned `storageKey` goes into the
 * communication (`recording.storageKey`, or an attachment's `url` as `upload:<storageKey>`).
 */
export async function createUpload(deps: HubDependencies, tenantId: string, request: UploadRequest) {
  const now = deps.clock.now();
  const safeName = request.fileName.replace(/[^\w.\-\u4e00-\u9fff]/g, '_').slice(-120);
  const storageKey = `${uploadPrefix(tenantId)}${request.purpose}/${now.toISOString().slice(0, 10)}/${randomUUID()}/${safeName}`;
  const uploadUrl = await deps.blobs.presignUpload(storageKey, request.contentType, UPLOAD_URL_TTL_SECONDS);
  return {
    storageKey,
    uploadUrl,
    method: 'PUT' as const,
    headers: { 'content-type': request.contentType },
    expiresAt: new Date(now.getTime() + UPLOAD_URL_TTL_SECONDS * 1000).toISOString(),
  };
}
