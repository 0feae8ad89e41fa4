import * as z from '../zod.js';
import { DIRECTIONS, RECORD_TYPES } from './record-types.js';
import { Participant } from './participant.js';

const isoWithOffset = z.string().check(z.iso.datetime({ offset: true, message: 'an ISO 8601 date-time with offset, e.g. 2024-06-15T10:30:00+08:00' }));

/** Who the communication is with, as far as the source knows. */
export const CustomerHint = z.strictObject({
  id: z.optional(z.string().check(z.minLength(1), z.maxLength(128), z.regex(/^[A-Za-z0-9._:-]+$/, 'letters, digits and . _ : -'))),
  name: z.optional(z.string().check(z.maxLength(200))),
  email: z.optional(z.string().check(z.email(), z.maxLength(320))),
  phone: z.optional(z.string().check(z.maxLength(40))),
  wecomUserId: z.optional(z.string().check(z.maxLength(128))),
});
export type CustomerHint = z.infer<typeof CustomerHint>;

export const AttachmentInput = z
  .strictObject({
    fileName: z.string().check(z.minLength(1), z.maxLength(512)),
    contentType: z._default(z.string().check(z.minLength(1), z.maxLength(255)), 'application/octet-stream'),
    /** Small files inline; larger ones are uploaded first (`POST /v1/uploads`) and passed by `url`. */
    contentBase64: z.optional(z.base64()),
    url: z.optional(z.string().check(z.url(), z.maxLength(2048))),
    sizeBytes: z.optional(z.number().check(z.int(), z.nonnegative())),
    sha256: z.optional(z.string().check(z.regex(/^[0-9a-f]{64}$/))),
    inline: z.optional(z.boolean()),
    contentId: z.optional(z.string().check(z.maxLength(512))),
  })
  .check(
    z.refine((a) => a.contentBase64 !== undefined || a.url !== undefined, {
      message: 'an attachment needs contentBase64 or url',
    }),
  );
export type AttachmentInput = z.infer<typeof AttachmentInput>;

export const Recording = z.strictObject({
  url: z.optional(z.string().check(z.url(), z.maxLength(2048))),
  storageKey: z.optional(z.string().check(z.maxLength(1024))),
  durationSeconds: z.optional(z.number().check(z.nonnegative())),
  format: z.optional(z.string().check(z.maxLength(40))),
});

export const Location = z.strictObject({
  latitude: z.number().check(z.gte(-90), z.lte(90)),
  longitude: z.number().check(z.gte(-180), z.lte(180)),
  address: z.optional(z.string().check(z.maxLength(500))),
});

/**
 * The canonical input of `POST /v1/communications`: what an integrator sends for one
 * communication. Unknown fields are rejected so typos surface instead of vanishing.
 */
export const CommunicationInput = z.strictObject({
  sourceSystem: z.string().check(z.minLength(1), z.maxLength(64), z.regex(/^[A-Za-z0-9._-]+$/, 'letters, digits and . _ -')),
  sourceRecordId: z.string().check(z.minLength(1), z.maxLength(512)),
  type: z.enum(RECORD_TYPES),
  occurredAt: isoWithOffset,
  endedAt: z.optional(isoWithOffset),
  direction: z.optional(z.enum(DIRECTIONS)),
  channel: z.optional(z.string().check(z.minLength(1), z.maxLength(64))),
  durationSeconds: z.optional(z.number().check(z.nonnegative(), z.lte(7 * 24 * 3600))),
  timezone: z.optional(z.string().check(z.maxLength(64))),
  customer: z.optional(CustomerHint),
  contactId: z.optional(z.string().check(z.maxLength(128))),
  projectId: z.optional(z.string().check(z.maxLength(128))),
  opportunityId: z.optional(z.string().check(z.maxLength(128))),
  initiatedBy: z.optional(z.string().check(z.maxLength(200))),
  handledBy: z.optional(z.string().check(z.maxLength(200))),
  assignedTo: z.optional(z.string().check(z.maxLength(200))),
  participants: z._default(z.array(z.strictObject(Participant.shape)).check(z.maxLength(500)), []),
  subject: z.optional(z.string().check(z.maxLength(1000))),
  summary: z.optional(z.string().check(z.maxLength(5000))),
  content: z.optional(z.string().check(z.maxLength(1_000_000))),
  attachments: z._default(z.array(AttachmentInput).check(z.maxLength(50)), []),
  recording: z.optional(Recording),
  location: z.optional(Location),
  threadId: z.optional(z.string().check(z.maxLength(512))),
  parentRecordId: z.optional(z.string().check(z.maxLength(128))),
  tags: z._default(z.array(z.string().check(z.maxLength(100))).check(z.maxLength(50)), []),
  metadata: z._default(z.record(z.string().check(z.maxLength(128)), z.unknown()), {}),
});
export type CommunicationInput = z.infer<typeof CommunicationInput>;
