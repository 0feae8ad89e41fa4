import { createHash, randomUUID } from 'node:crypto';
import type { HubDependencies } from '../dependencies.js';
import { ConflictError, NotFoundError, ValidationError, type ErrorDetail } from '../errors.js';
import { DEFAULT_TENANT_ZONE, followUpDueAt } from '../model/follow-up-due.js';
import type { Task, TaskPriority, TaskSource } from '../model/task.js';
import { customerExists } from './customer-exists.js';

/** A task a person creates (from a report's action item, an insight, or by hand). */
export interface NewTask {
  readonly tenantId: string;
  /** The `sub` of the caller's token: `createdBy`, and the assignee when the customer has no owner. */
  readonly principal: string;
  readonly customerId: string;
  readonly title: string;
  readonly detail?: string;
  readonly priority: TaskPriority;
  /** UTC ISO 8601; absent = due as a follow-up of this priority would be ({@link followUpDueAt}). */
  readonly dueAt?: string;
  /** Absent = the customer's owner, else the caller. */
  readonly assignee?: string;
  readonly source?: TaskSource;
  /** The same key in the same tenant always yields the same task. */
  readonly idempotencyKey?: string;
}

/**
 * The id of the task an idempotency key stands for: a digest, so any key (up to 200 characters of
 * any kind) becomes a safe key segment, and a retry finds the task its first attempt created.
 *
 * @example idempotentTaskId('report-RPT-1-action-3') // 'TASK-K-3f1c…' (32 hex digits)
 */
export const idempotentTaskId = (idempotencyKey: string): string => `TASK-K-${createHash('sha256').update(idempotencyKey, 'utf8').digest('hex').slice(0, 32)}`;

/**
 * Creates an open task on a customer of the tenant, due by default as the analysis's follow-ups are
 * (high: 4 h; medium: 1, low: 3 business days, in the tenant's zone), assigned by default to the
 * customer's owner or else the caller. With an idempotency key the write is a conditional put under
 * an id derived from it, so a retried or concurrent request returns the first task
 * (`duplicate: true`) and never makes a second. A key reused for a different task — another
 * customer, title, detail, priority or source than the first request's — is a `ConflictError` (409),
 * not a silent answer with the first task; assignee and due time may have been changed on the task
 * since, so they are not compared. An unknown customer — or another tenant's — is a `NotFoundError`.
 *
 * @example
 * const { task, duplicate } = await createTask(deps, { tenantId: 'T001', principal: 'li.wei', customerId: 'C101', title: '回访报价', priority: 'high', idempotencyKey: 'ui-7f3a' });
 */
export async function createTask(deps: HubDependencies, command: NewTask): Promise<{ task: Task; duplicate: boolean }> {
  const { tenantId, customerId } = command;
  const profile = await deps.customers.getCustomer(tenantId, customerId);
  // A customer may exist by its records alone (ingested with an explicit id, no profile yet).
  if (!profile && !(await customerExists(deps, tenantId, customerId))) throw new NotFoundError(`customer ${customerId} not found`);
  await checkSource(deps, tenantId, customerId, command.source);
  const now = deps.clock.now();
  const dueAt = command.dueAt ?? followUpDueAt(command.priority, now, (await deps.tenants.getTenant(tenantId))?.timezone ?? DEFAULT_TENANT_ZONE);
  const at = now.toISOString();
  const task: Task = {
    taskId: command.idempotencyKey === undefined ? `TASK-${randomUUID()}` : idempotentTaskId(command.idempotencyKey),
    tenantId,
    customerId,
    title: command.title,
    ...(command.detail === undefined ? {} : { detail: command.detail }),
    assignee: command.assignee ?? profile?.owner ?? command.principal,
    dueAt,
    status: 'open',
    priority: command.priority,
    createdAt: at,
    updatedAt: at,
    createdBy: command.principal,
    ...(command.source === undefined ? {} : { source: command.source }),
  };
  const { stored, created } = await deps.workItems.createTask(task);
  if (!created) {
    const differing = IDEMPOTENT_FIELDS.filter((field) => canonical(stored[field]) !== canonical(task[field]));
    if (differing.length > 0) throw new ConflictError(`idempotency key already used for a different task (${differing.join(', ')} differ)`);
  }
  return { task: stored, duplicate: !created };
}

/**
 * What a task says it came from must be there: a report, insight or record of the tenant (404 like
 * any absent id — another tenant's included), and an insight or record of the task's own customer
 * (400 naming the field otherwise).
 */
async function checkSource(deps: HubDependencies, tenantId: string, customerId: string, source: TaskSource | undefined): Promise<void> {
  if (!source) return;
  const [report, insight, record] = await Promise.all([
    source.reportId === undefined ? undefined : deps.reports.getReport(tenantId, source.reportId),
    source.insightId === undefined ? undefined : deps.workItems.getInsight(tenantId, source.insightId),
    source.recordId === undefined ? undefined : deps.records.getRecord(tenantId, source.recordId),
  ]);
  if (report === null) throw new NotFoundError(`source report ${source.reportId} not found`);
  if (insight === null) throw new NotFoundError(`source insight ${source.insightId} not found`);
  if (record === null) throw new NotFoundError(`source communication ${source.recordId} not found`);
  const foreign: ErrorDetail[] = [];
  if (insight && insight.customerId !== customerId) foreign.push({ path: 'source.insightId', message: `the insight is not about customer ${customerId}` });
  if (record && record.customerId !== customerId) foreign.push({ path: 'source.recordId', message: `the communication is not customer ${customerId}'s` });
  if (foreign.length > 0) throw new ValidationError('the task\'s source belongs to another customer', foreign);
}

/** A value as comparable text: a stored map's keys come back in any order. */
const canonical = (value: unknown): string =>
  value !== null && typeof value === 'object' ? JSON.stringify(Object.entries(value).sort(([a], [b]) => a.localeCompare(b))) : JSON.stringify(value ?? null);

/** What a retry must repeat to be the same request (the rest may have been changed on the task since). */
const IDEMPOTENT_FIELDS = ['customerId', 'title', 'detail', 'priority', 'source'] as const satisfies readonly (keyof Task)[];
