import type { HubDependencies } from '../core/dependencies.js';
import { updateTask } from '../core/use-cases/manage-tasks.js';
import { httpRoute } from '../http/http-route.js';
import { PathId } from '../http/timeline-params.js';
import { assigneeOf, TaskPatch } from '../http/work-item-params.js';
import { onAws } from '../wiring/lambda-entry.js';

/** `PATCH /v1/tasks/{taskId}` — status (409 when not allowed), reassignment (`me` = the caller), due time, note. */
export const build = (deps: HubDependencies) =>
  httpRoute('update-task', async (request) => {
    const taskId = PathId.parse(request.pathParameters.taskId);
    const { status, assignee, dueAt, note } = request.json(TaskPatch);
    const { tenantId, principal } = request.caller;
    const task = await updateTask(deps, {
      tenantId,
      taskId,
      principal,
      status,
      assignee: assignee === undefined ? undefined : assigneeOf(assignee, principal),
      dueAt,
      note,
    });
    return { statusCode: 200, body: task };
  });

export const handler = onAws(build);
