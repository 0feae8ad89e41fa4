import * as z from 'zod';

/** A file attached to a record; stored once per tenant and SHA-256 in the blob store. */
export const Attachment = z.object({
  attachmentId: z.string().min(1).max(128),
  fileName: z.string().min(1).max(512),
  contentType: z.string().min(1).max(255),
  sizeBytes: z.number().int().nonnegative(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/, 'a lowercase hex SHA-256 digest'),
  /** Blob store key once the bytes are stored; absent while only the source's URL is known. */
  storageKey: z.string().max(1024).optional(),
  /** Where the source system serves the file (e.g. a WeCom media id or a vendor download URL). */
  sourceUrl: z.string().max(2048).optional(),
  inline: z.boolean().default(false),
  contentId: z.string().max(512).optional(),
});
export type Attachment = z.infer<typeof Attachment>;
