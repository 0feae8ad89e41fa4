import * as z from '../zod.js';

/** A file attached to a record; stored once per tenant and SHA-256 in the blob store. */
export const Attachment = z.object({
  attachmentId: z.string().check(z.minLength(1), z.maxLength(128)),
  fileName: z.string().check(z.minLength(1), z.maxLength(512)),
  contentType: z.string().check(z.minLength(1), z.maxLength(255)),
  sizeBytes: z.number().check(z.int(), z.nonnegative()),
  sha256: z.string().check(z.regex(/^[0-9a-f]{64}$/, 'a lowercase hex SHA-256 digest')),
  /** Blob store key once the bytes are stored; absent while only the source's URL is known. */
  storageKey: z.optional(z.string().check(z.maxLength(1024))),
  /** Where the source system serves the file (e.g. a WeCom media id or a vendor download URL). */
  sourceUrl: z.optional(z.string().check(z.maxLength(2048))),
  inline: z._default(z.boolean(), false),
  contentId: z.optional(z.string().check(z.maxLength(512))),
});
export type Attachment = z.infer<typeof Attachment>;
