import * as z from '../zod.js';
import { Analysis } from './analysis.js';
import { Attachment } from './attachment.js';
import { Location, Recording } from './communication-input.js';
import { Participant } from './participant.js';
import { DIRECTIONS, RECORD_TYPES } from './record-types.js';
import { Transcription } from './transcription.js';

/**
 * One communication with a customer: every column of the seed table `customer_communications`,
 * camelCase. Times are stored in UTC ISO 8601 (`occurredAt`); `timezone` keeps the source's zone.
 */
export const CommunicationRecord = z.object({
  recordId: z.string(),
  tenantId: z.string(),
  /** `null` while the record sits in the unmatched inbox. */
  customerId: z.nullable(z.string()),
  contactId: z.optional(z.string()),
  projectId: z.optional(z.string()),
  opportunityId: z.optional(z.string()),
  type: z.enum(RECORD_TYPES),
  direction: z.enum(DIRECTIONS),
  channel: z.string(),
  occurredAt: z.string(),
  endedAt: z.optional(z.string()),
  durationSeconds: z.optional(z.number()),
  timezone: z.optional(z.string()),
  initiatedBy: z.optional(z.string()),
  handledBy: z.optional(z.string()),
  assignedTo: z.optional(z.string()),
  participants: z.array(Participant),
  subject: z.optional(z.string()),
  summary: z.optional(z.string()),
  /** The body; a preview when the full text was too large for an item (`contentRef` then points at it). */
  content: z.optional(z.string()),
  contentTruncated: z.optional(z.boolean()),
  /** Blob key of the full original body when it lives outside the item. */
  contentRef: z.optional(z.string()),
  recording: z.optional(Recording),
  /** Media records: where their text came from (provided transcript, speech engine) or why there is none. */
  transcription: z.optional(Transcription),
  attachments: z.array(Attachment),
  location: z.optional(Location),
  analysis: Analysis,
  threadId: z.optional(z.string()),
  parentRecordId: z.optional(z.string()),
  relatedRecordIds: z.array(z.string()),
  tags: z.array(z.string()),
  /** What identified the customer (`explicit`, `email`, `phone`, `wecom`, `domain`, `assigned`), or `unmatched`. */
  matchedBy: z.string(),
  sourceSystem: z.string(),
  sourceRecordId: z.string(),
  /** Blob key of the raw payload as it arrived. */
  rawArchiveKey: z.string(),
  syncStatus: z.enum(['synced', 'pending', 'failed']),
  metadata: z.record(z.string(), z.unknown()),
  createdAt: z.string(),
  updatedAt: z.string(),
  createdBy: z.string(),
  updatedBy: z.string(),
  version: z.number().check(z.int()),
});
export type CommunicationRecord = z.infer<typeof CommunicationRecord>;
