import type { HubDependencies } from '../dependencies.js';
import type { CommunicationRecord } from '../model/communication-record.js';
import type { Task } from '../model/task.js';

/** The metrics look back this far (30 days against the 90 before them). */
export const METRICS_WINDOW_DAYS = 120;
/** Timeline and task pages read per round trip (one paged query each, never a read per record). */
const PAGE = 500;

/**
 * What a customer's metrics are computed from: the last 120 days of its timeline (one paged query)
 * and its tasks (another), with the number of store round trips made.
 */
export async function loadCustomerWindow(
  deps: Pick<HubDependencies, 'records' | 'workItems'>,
  tenantId: string,
  customerId: string,
  asOf: Date,
): Promise<{ records: CommunicationRecord[]; tasks: Task[]; reads: number }> {
  const from = new Date(asOf.getTime() - METRICS_WINDOW_DAYS * 86_400_000).toISOString();
  let reads = 0;
  const records: CommunicationRecord[] = [];
  let cursor: string | undefined;
  do {
    const page = await deps.records.queryTimeline({ tenantId, customerId, from, to: asOf.toISOString(), limit: PAGE, cursor });
    reads++;
    records.push(...page.items);
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  const tasks: Task[] = [];
  cursor = undefined;
  do {
    const page = await deps.workItems.listTasksByCustomer(tenantId, customerId, { limit: PAGE, cursor });
    reads++;
    tasks.push(...page.items);
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return { records, tasks, reads };
}
