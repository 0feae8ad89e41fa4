import type { CommunicationInput } from '../../functions/core/model/communication-input.js';
import type { CommunicationRecord } from '../../functions/core/model/communication-record.js';
import { recordIdFor } from '../../functions/core/model/record-id.js';
import type { RecordType } from '../../functions/core/model/record-types.js';

/** A valid canonical input; override what the test is about. */
export function canonicalInput(overrides: Partial<CommunicationInput> & { sourceRecordId: string }): Record<string, unknown> {
  return {
    sourceSystem: 'crm',
    type: 'email',
    occurredAt: '2024-06-15T10:30:00+08:00',
    subject: '询价 PCR-ABS 1000',
    content: '张经理您好，我们下个月需要PCR-ABS 1000系列大约50吨，麻烦报个含税价。',
    ...overrides,
  };
}

/** A stored record as the store adapter receives it, for tests below the HTTP layer. */
export function storedRecord(fields: {
  tenantId: string;
  customerId: string | null;
  sourceRecordId: string;
  occurredAt: string;
  type?: RecordType;
  analysis?: Partial<CommunicationRecord['analysis']>;
}): CommunicationRecord {
  const type = fields.type ?? 'email';
  const recordId = recordIdFor(fields.tenantId, type, 'test', fields.sourceRecordId, fields.occurredAt);
  return {
    recordId,
    tenantId: fields.tenantId,
    customerId: fields.customerId,
    type,
    direction: 'inbound',
    channel: type,
    occurredAt: fields.occurredAt,
    participants: [],
    attachments: [],
    analysis: { status: 'pending', followUps: [], insights: [], suggestions: [], tags: [], ...fields.analysis },
    relatedRecordIds: [],
    tags: [],
    matchedBy: fields.customerId ? 'explicit' : 'unmatched',
    sourceSystem: 'test',
    sourceRecordId: fields.sourceRecordId,
    rawArchiveKey: `raw/${fields.tenantId}/test/${recordId}`,
    syncStatus: 'synced',
    metadata: {},
    createdAt: fields.occurredAt,
    updatedAt: fields.occurredAt,
    createdBy: 'test',
    updatedBy: 'test',
    version: 1,
  };
}
