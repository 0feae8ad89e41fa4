import { useState } from 'preact/hooks';
import type { A15Report, Task } from '../api/api-types.js';
import { useApp } from '../app-context.js';
import { TaskList } from '../insights/task-list.js';
import { actionTaskKey } from './action-task-key.js';

type Horizon = keyof A15Report['action_plan'];
const HORIZONS: readonly Horizon[] = ['immediate', 'short_term', 'long_term'];
/** How urgent a task made from each horizon is, and when it is due. */
const TASK_TERMS: Record<Horizon, { priority: 'high' | 'medium' | 'low'; dueInDays: number }> = {
  immediate: { priority: 'high', dueInDays: 1 },
  short_term: { priority: 'medium', dueInDays: 7 },
  long_term: { priority: 'low', dueInDays: 30 },
};

/** The report's action plan, each item one click from a task, and the customer's open tasks. */
export function ActionList({ customerId, reportId, plan, tasks, onTasksChanged }: { customerId: string; reportId: string; plan: A15Report['action_plan'] | undefined; tasks: readonly Task[]; onTasksChanged: () => void }) {
  const { api, t, announce } = useApp();
  const [busy, setBusy] = useState<ReadonlySet<string>>(new Set());
  const [created, setCreated] = useState<ReadonlySet<string>>(new Set());
  const [failure, setFailure] = useState<string | null>(null);
  const existingTitles = new Set(tasks.map((task) => task.title));

  const createTask = async (horizon: Horizon, item: string) => {
    const key = actionTaskKey(reportId, item);
    if (busy.has(key)) return;
    setBusy((previous) => new Set(previous).add(key));
    setFailure(null);
    try {
      const terms = TASK_TERMS[horizon];
      await api.createTask({
        customerId,
        title: item,
        detail: t('report.taskDetail', { reportId }),
        priority: terms.priority,
        dueAt: new Date(Date.now() + terms.dueInDays * 86_400_000).toISOString(),
        source: { reportId },
        idempotencyKey: key,
      });
      setCreated((previous) => new Set(previous).add(key));
      announce(t('report.taskCreated', { title: item }));
      onTasksChanged();
    } catch (error) {
      setFailure((error as Error).message);
    } finally {
      setBusy((previous) => {
        const next = new Set(previous);
        next.delete(key);
        return next;
      });
    }
  };

  const open = tasks.filter((task) => task.status === 'open' || task.status === 'in_progress');
  const items = HORIZONS.flatMap((horizon) => (plan?.[horizon] ?? []).map((item) => ({ horizon, item })));
  return (
    <>
      {items.length === 0 ? (
        <p class="muted">{t('report.noActions')}</p>
      ) : (
        <ul class="action-list">
          {items.map(({ horizon, item }) => {
            const key = actionTaskKey(reportId, item);
            const done = created.has(key) || existingTitles.has(item);
            return (
              <li key={key} class="action-item">
                <span class={`horizon horizon-${horizon}`}>{t(`horizon.${horizon}`)}</span>
                <span class="action-text">{item}</span>
                {done ? (
                  <span class="badge badge-good">{t('report.taskExists')}</span>
                ) : (
                  <button type="button" class="button button-small" disabled={busy.has(key)} aria-label={`${t('report.createTask')}: ${item}`} onClick={() => void createTask(horizon, item)}>
                    {t('report.createTask')}
                  </button>
                )}
              </li>
            );
          })}
        </ul>
      )}
      {failure && <p class="error" role="alert">{failure}</p>}
      <h3>{t('report.openTasks')}</h3>
      <TaskList tasks={open} onChanged={onTasksChanged} />
    </>
  );
}
