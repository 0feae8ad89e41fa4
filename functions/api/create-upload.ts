import type { HubDependencies } from '../core/dependencies.js';
import { createUpload, UploadRequest } from '../core/use-cases/create-upload.js';
import { httpRoute } from '../http/http-route.js';
import { onAws } from '../wiring/lambda-entry.js';

/** `POST /v1/uploads` — a presigned PUT URL under the tenant's upload prefix. */
export const build = (deps: HubDependencies) =>
  httpRoute(
    'create-upload',
    async (request) => {
      const upload = await createUpload(deps, request.caller.tenantId, request.json(UploadRequest));
      // The key's folder names the upload; the file name after it may be personal and is left out.
      const uploadId = upload.storageKey.slice(0, upload.storageKey.lastIndexOf('/'));
      return { statusCode: 201, body: upload, audit: { targets: [{ type: 'upload', id: uploadId }], after: { expiresAt: upload.expiresAt } } };
    },
    { auditTo: deps },
  );

export const handler = onAws(build);
