import { useState } from 'preact/hooks';
import type { Insight, Task } from '../api/api-types.js';
import { useApp } from '../app-context.js';
import { InsightCard } from '../insights/insight-card.js';
import { TaskList } from '../insights/task-list.js';
import { ErrorMessage } from '../ui/error-message.js';
import { useAsync } from '../ui/use-async.js';
import { followLink } from '../router.js';

const PANEL_TYPES = ['opportunity', 'risk', 'marketing'] as const;
/** To-dos listed before "show all": the panel stays short beside (or, on a phone, below) the timeline. */
const TASKS_SHOWN = 5;

/** The AI panel beside the timeline: open opportunities, risks, marketing suggestions and to-dos. */
export function InsightPanel({ customerId, reportHref }: { customerId: string; reportHref: string }) {
  const { api, t } = useApp();
  const insights = useAsync(() => api.insights(customerId, ['new', 'read']), [customerId]);
  const tasks = useAsync(() => api.tasks(customerId, ['open', 'in_progress']), [customerId]);
  // Changes made here, shown at once (a dismissed insight leaves the panel without a reload).
  const [allTasks, setAllTasks] = useState(false);
  const [changes, setChanges] = useState<ReadonlyMap<string, Insight>>(new Map());
  const open = (insights.data?.items ?? [])
    .map((insight) => changes.get(insight.insightId) ?? insight)
    .filter((insight) => insight.status === 'new' || insight.status === 'read');
  const changed = (updated: Insight) => setChanges((previous) => new Map(previous).set(updated.insightId, updated));
  const taskChanged = (_task: Task) => tasks.reload();
  const openTasks = (tasks.data?.items ?? []).filter((task) => task.status === 'open' || task.status === 'in_progress');
  return (
    <aside class="insight-panel" aria-labelledby="insight-panel-title">
      <h2 id="insight-panel-title">{t('panel.title')}</h2>
      {insights.error && <ErrorMessage error={insights.error} />}
      {PANEL_TYPES.map((type) => {
        const items = open.filter((insight) => insight.type === type);
        return (
          <section key={type} class="panel-section" aria-labelledby={`panel-${type}`}>
            <h3 id={`panel-${type}`}>
              {t(`insightType.${type}`)} <span class="count">{items.length}</span>
            </h3>
            {items.length === 0 ? (
              <p class="muted">{insights.loading && !insights.data ? t('common.loading') : t('panel.none')}</p>
            ) : (
              <ul class="insight-list">
                {items.map((insight) => <InsightCard key={insight.insightId} insight={insight} onChanged={changed} detailLines={3} />)}
              </ul>
            )}
          </section>
        );
      })}
      <section class="panel-section" aria-labelledby="panel-todos">
        <h3 id="panel-todos">
          {t('panel.todos')} <span class="count">{openTasks.length}</span>
        </h3>
        {tasks.error && <ErrorMessage error={tasks.error} />}
        {tasks.loading && !tasks.data ? <p class="muted">{t('common.loading')}</p> : <TaskList tasks={allTasks ? openTasks : openTasks.slice(0, TASKS_SHOWN)} onChanged={taskChanged} />}
        {openTasks.length > TASKS_SHOWN && (
          <button type="button" class="button button-quiet button-small" aria-expanded={allTasks} onClick={() => setAllTasks(!allTasks)}>
            {allTasks ? t('panel.showFewerTasks') : t('panel.showAllTasks', { count: openTasks.length })}
          </button>
        )}
      </section>
      <p>
        <a href={reportHref} onClick={followLink}>{t('panorama.openReport')} →</a>
      </p>
    </aside>
  );
}
