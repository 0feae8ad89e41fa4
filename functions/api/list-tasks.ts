import type { HubDependencies } from '../core/dependencies.js';
import { listTasks } from '../core/use-cases/manage-tasks.js';
import { httpRoute } from '../http/http-route.js';
import { assigneeOf, TaskListParams } from '../http/work-item-params.js';
import { onAws } from '../wiring/lambda-entry.js';

/** `GET /v1/tasks` — by assignee (`me` = the caller), by customer, or both; filtered by status, cursor-paginated. */
export const build = (deps: HubDependencies) =>
  httpRoute('list-tasks', async (request) => {
    const { assignee, customerId, status, limit, cursor } = TaskListParams.parse(request.query);
    const page = await listTasks(deps, {
      tenantId: request.caller.tenantId,
      customerId,
      assignee: assignee === undefined ? undefined : assigneeOf(assignee, request.caller.principal),
      statuses: status,
      limit,
      cursor,
    });
    return { statusCode: 200, body: page };
  });

export const handler = onAws(build);
