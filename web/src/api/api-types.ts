/**
 * The API's response shapes as the console reads them. The record, insight, task, report and A15
 * document types come from the server's zod schemas (type-only imports: nothing of the server ends
 * up in the bundle); what the HTTP layer adds (download URLs, the customer overview) is declared here.
 */
import type { A15Report } from '../../../functions/core/agents/a15-report.js';
import type { Attachment } from '../../../functions/core/model/attachment.js';
import type { CommunicationRecord } from '../../../functions/core/model/communication-record.js';
import type { Insight, InsightStatus } from '../../../functions/core/model/insight.js';
import type { Report } from '../../../functions/core/model/report.js';
import type { Task } from '../../../functions/core/model/task.js';

export type { A15Report, Insight, InsightStatus, Task };

/** A list page: `cursor=<nextCursor>` gets the next one. */
export interface Page<T> {
  readonly items: T[];
  readonly nextCursor: string | null;
}

/** A timeline item: the stored record (attachments without download URLs). */
export type TimelineRecord = CommunicationRecord;

/** `GET /v1/communications/{id}`: the record with presigned download URLs. */
export type RecordDetail = Omit<CommunicationRecord, 'attachments' | 'recording'> & {
  attachments: (Attachment & { downloadUrl?: string })[];
  recording?: CommunicationRecord['recording'] & { downloadUrl?: string };
};

export interface CustomerOverview {
  readonly lastContactAt: string | null;
  readonly daysSinceLastContact: number | null;
  readonly communicationsLast30Days: number;
  readonly healthScore: number;
  readonly lifecycleStage: string;
  readonly trend: string;
  readonly sentimentTrend: string;
  readonly openRisks: { insightId: string; title: string; importance: string }[];
}

/** An item of `GET /v1/customers?q=`. */
export interface CustomerSummary {
  readonly customerId: string;
  readonly name: string;
  readonly domains: string[];
  readonly emails: string[];
  readonly owner?: string;
  readonly priority?: string;
}

/** `GET /v1/customers/{id}`: the summary's profile fields with the computed overview. */
export interface Customer extends CustomerSummary {
  readonly overview?: CustomerOverview;
}

/** `GET /v1/me`. */
export interface Me {
  readonly tenantId: string;
  readonly principal: string;
  readonly scopes: string[];
  readonly timeZone: string;
  readonly language: string;
}

/** `GET /v1/reports/{id}`: the run, and once ready its documents. */
export type ReportDetail = Report & {
  markdown?: string;
  html?: string;
  document?: A15Report;
};

/** `POST /v1/tasks`. */
export interface NewTask {
  readonly customerId: string;
  readonly title: string;
  readonly detail?: string;
  readonly priority?: 'high' | 'medium' | 'low';
  readonly dueAt?: string;
  readonly assignee?: string;
  readonly source?: { reportId?: string; insightId?: string; recordId?: string };
  readonly idempotencyKey?: string;
}
