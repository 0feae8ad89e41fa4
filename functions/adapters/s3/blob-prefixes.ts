/**
 * The blob bucket's top-level key prefixes, one per kind of object (`blobKeys` builds the keys under
 * them). Route access names the ones a function touches and the CDK stack grants only those (kept
 * free of SDK imports so the CDK app loads it cheaply).
 */
export const BLOB_PREFIXES = {
  /** Attachments, content-addressed: `attachments/<tenant>/<sha256>`. */
  attachments: 'attachments/',
  /** Bodies too large for an item: `content/<tenant>/<record>/<sha256>.txt`. */
  content: 'content/',
  /** Redacted text sent to the model: `model-inputs/<tenant>/<record>/…`. */
  modelInputs: 'model-inputs/',
  /** Report documents: `reports/<tenant>/<report>/<file>`. */
  reports: 'reports/',
  /** Amazon Transcribe output: `transcripts/<tenant>/<record>/<job>.json`. */
  transcripts: 'transcripts/',
  /** Presigned uploads (recordings, photos): `uploads/<tenant>/<purpose>/<date>/<uuid>/<name>`. */
  uploads: 'uploads/',
} as const;

export type BlobPrefix = (typeof BLOB_PREFIXES)[keyof typeof BLOB_PREFIXES];
