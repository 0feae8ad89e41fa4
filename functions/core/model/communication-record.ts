import * as z from 'zod';
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
  customerId: z.string().nullable(),
  contactId: z.string().optional(),
  projectId: z.string().optional(),
  opportunityId: z.string().optional(),
  type: z.enum(RECORD_TYPES),
  direction: z.enum(DIRECTIONS),
  channel: z.string(),
  occurredAt: z.string(),
  endedAt: z.string().optional(),
  durationSeconds: z.number().optional(),
  timezone: z.string().optional(),
  initiatedBy: z.string().optional(),
  handledBy: z.string().optional(),
  assignedTo: z.string().optional(),
  participants: z.array(Participant),
  subject: z.string().optional(),
  summary: z.string().optional(),
  /** The body; a preview when the full text was too large for an item (`contentRef` then points at it). */
  content: z.string().optional(),
  contentTruncated: z.boolean().optional(),
  /** Blob key of the full original body when it lives outside the item. */
  contentRef: z.string().optional(),
  recording: Recording.optional(),
  /** Media records: where their text came from (provided transcript, speech engine) or why there is none. */
  transcription: Transcription.optional(),
  attachments: z.array(Attachment),
  location: Location.optional(),
  analysis: Analysis,
  threadId: z.string().optional(),
  parentRecordId: z.string().optional(),
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
  version: z.number().int(),
});
export type CommunicationRecord = z.infer<typeof CommunicationRecord>;
