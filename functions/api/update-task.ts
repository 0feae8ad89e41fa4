import type { HubDependencies } from '../core/dependencies.js';
import type { Task } from '../core/model/task.js';
import { updateTask } from '../core/use-cases/manage-tasks.js';
import { httpRoute } from '../http/http-route.js';
import { PathId } from '../http/path-id.js';
import { assigneeOf, TaskPatch } from '../http/work-item-params.js';
import { onAws } from '../wiring/lambda-entry.js';

/** What the audit log keeps of a task: its state, never its title or note. */
const taskState = (task: Task) => ({ status: task.status, assignee: task.assignee, dueAt: task.dueAt });

/** `PATCH /v1/tasks/{taskId}` — status (409 when not allowed), reassignment (`me` = the caller), due time, note. */
export const build = (deps: HubDependencies) =>
  httpRoute(
    'update-task',
    async (request) => {
      const taskId = PathId.parse(request.pathParameters.taskId);
      const { status, assignee, dueAt, note } = request.json(TaskPatch);
      const { tenantId, principal } = request.caller;
      const assignTo = assignee === undefined ? undefined : assigneeOf(assignee, principal);
      const { before, after } = await updateTask(deps, { tenantId, taskId, principal, status, assignee: assignTo, dueAt, note });
      const audit = { targets: [{ type: 'task', id: taskId }], ...(before ? { before: taskState(before) } : {}), after: taskState(after) };
      return { statusCode: 200, body: after, audit };
    },
    { auditTo: deps },
  );

export const handler = onAws(build);
