import type { HubDependencies } from '../core/dependencies.js';
import { createUpload, UploadRequest } from '../core/use-cases/create-upload.js';
import { httpRoute } from '../http/http-route.js';
import { onAws } from '../wiring/lambda-entry.js';

/** `POST /v1/uploads` — a presigned PUT URL under the tenant's upload prefix. */
export const build = (deps: HubDependencies) =>
  httpRoute('create-upload', async (request) => {
    const upload = await createUpload(deps, request.caller.tenantId, request.json(UploadRequest));
    return { statusCode: 201, body: upload };
  });

export const handler = onAws(build);
