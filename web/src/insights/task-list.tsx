import { useState } from 'preact/hooks';
import type { Task } from '../api/api-types.js';
import { useApp } from '../app-context.js';
import { formatDateTime } from '../time/format.js';

/** Open follow-up tasks, each with "done". */
export function TaskList({ tasks, onChanged }: { tasks: readonly Task[]; onChanged: (task: Task) => void }) {
  const { api, t, lang, timeZone, announce } = useApp();
  const [busy, setBusy] = useState<string | null>(null);
  const complete = async (task: Task) => {
    setBusy(task.taskId);
    try {
      const updated = await api.updateTask(task.taskId, { status: 'done' });
      announce(t('task.completed', { title: task.title }));
      onChanged({ ...task, ...updated, status: 'done' });
    } finally {
      setBusy(null);
    }
  };
  if (tasks.length === 0) return <p class="muted">{t('task.none')}</p>;
  return (
    <ul class="task-list">
      {tasks.map((task) => (
        <li key={task.taskId} class="task-item" data-task-id={task.taskId}>
          <div>
            <p class="task-title">{task.title}</p>
            <p class="muted small">
              {t('task.due')} <time dateTime={task.dueAt}>{formatDateTime(task.dueAt, lang, timeZone)}</time> · {task.assignee}
            </p>
          </div>
          <button type="button" class="button button-small" disabled={busy === task.taskId} aria-label={`${t('task.markDone')}: ${task.title}`} onClick={() => void complete(task)}>
            {t('task.markDone')}
          </button>
        </li>
      ))}
    </ul>
  );
}
