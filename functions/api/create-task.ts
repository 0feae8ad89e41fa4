import type { HubDependencies } from '../core/dependencies.js';
import { createTask } from '../core/use-cases/create-task.js';
import { httpRoute } from '../http/http-route.js';
import { assigneeOf, NewTaskBody } from '../http/work-item-params.js';
import { onAws } from '../wiring/lambda-entry.js';

/** `POST /v1/tasks` — 201 `{ task }`; 200 `{ task, duplicate: true }` for an idempotency key seen before; 404 for an unknown customer. */
export const build = (deps: HubDependencies) =>
  httpRoute(
    'create-task',
    async (request) => {
      const { assignee, ...body } = request.json(NewTaskBody);
      const { tenantId, principal } = request.caller;
      const { task, duplicate } = await createTask(deps, { ...body, tenantId, principal, ...(assignee === undefined ? {} : { assignee: assigneeOf(assignee, principal) }) });
      // The task's state and ids, never its title or detail.
      const audit = {
        targets: [{ type: 'task', id: task.taskId }, { type: 'customer', id: body.customerId }],
        after: { status: task.status, assignee: task.assignee, dueAt: task.dueAt, priority: task.priority, duplicate },
      };
      return duplicate ? { statusCode: 200, body: { task, duplicate: true }, audit } : { statusCode: 201, body: { task }, audit };
    },
    { auditTo: deps },
  );

export const handler = onAws(build);
