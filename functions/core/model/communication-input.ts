import * as z from 'zod';
import { DIRECTIONS, RECORD_TYPES } from './record-types.js';
import { Participant } from './participant.js';

const isoWithOffset = z.string().datetime({ offset: true, message: 'an ISO 8601 date-time with offset, e.g. 2024-06-15T10:30:00+08:00' });

/** Who the communication is with, as far as the source knows. */
export const CustomerHint = z
  .object({
    id: z.string().min(1).max(128).regex(/^[A-Za-z0-9._:-]+$/, 'letters, digits and . _ : -').optional(),
    name: z.string().max(200).optional(),
    email: z.string().email().max(320).optional(),
    phone: z.string().max(40).optional(),
    wecomUserId: z.string().max(128).optional(),
  })
  .strict();
export type CustomerHint = z.infer<typeof CustomerHint>;

export const AttachmentInput = z
  .object({
    fileName: z.string().min(1).max(512),
    contentType: z.string().min(1).max(255).default('application/octet-stream'),
    /** Small files inline; larger ones are uploaded first (`POST /v1/uploads`) and passed by `url`. */
    contentBase64: z.string().base64().optional(),
    url: z.string().url().max(2048).optional(),
    sizeBytes: z.number().int().nonnegative().optional(),
    sha256: z.string().regex(/^[0-9a-f]{64}$/).optional(),
    inline: z.boolean().optional(),
    contentId: z.string().max(512).optional(),
  })
  .strict()
  .refine((a) => a.contentBase64 !== undefined || a.url !== undefined, {
    message: 'an attachment needs contentBase64 or url',
  });
export type AttachmentInput = z.infer<typeof AttachmentInput>;

export const Recording = z
  .object({
    url: z.string().url().max(2048).optional(),
    storageKey: z.string().max(1024).optional(),
    durationSeconds: z.number().nonnegative().optional(),
    format: z.string().max(40).optional(),
  })
  .strict();

export const Location = z
  .object({
    latitude: z.number().min(-90).max(90),
    longitude: z.number().min(-180).max(180),
    address: z.string().max(500).optional(),
  })
  .strict();

/**
 * The canonical input of `POST /v1/communications`: what an integrator sends for one
 * communication. Unknown fields are rejected so typos surface instead of vanishing.
 */
export const CommunicationInput = z
  .object({
    sourceSystem: z.string().min(1).max(64).regex(/^[A-Za-z0-9._-]+$/, 'letters, digits and . _ -'),
    sourceRecordId: z.string().min(1).max(512),
    type: z.enum(RECORD_TYPES),
    occurredAt: isoWithOffset,
    endedAt: isoWithOffset.optional(),
    direction: z.enum(DIRECTIONS).optional(),
    channel: z.string().min(1).max(64).optional(),
    durationSeconds: z.number().nonnegative().max(7 * 24 * 3600).optional(),
    timezone: z.string().max(64).optional(),
    customer: CustomerHint.optional(),
    contactId: z.string().max(128).optional(),
    projectId: z.string().max(128).optional(),
    opportunityId: z.string().max(128).optional(),
    initiatedBy: z.string().max(200).optional(),
    handledBy: z.string().max(200).optional(),
    assignedTo: z.string().max(200).optional(),
    participants: z.array(Participant.strict()).max(500).default([]),
    subject: z.string().max(1000).optional(),
    summary: z.string().max(5000).optional(),
    content: z.string().max(1_000_000).optional(),
    attachments: z.array(AttachmentInput).max(50).default([]),
    recording: Recording.optional(),
    location: Location.optional(),
    threadId: z.string().max(512).optional(),
    parentRecordId: z.string().max(128).optional(),
    tags: z.array(z.string().max(100)).max(50).default([]),
    metadata: z.record(z.string().max(128), z.unknown()).default({}),
  })
  .strict();
export type CommunicationInput = z.infer<typeof CommunicationInput>;
