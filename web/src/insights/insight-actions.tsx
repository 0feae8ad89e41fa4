import { useState } from 'preact/hooks';
import type { Insight, InsightStatus } from '../api/api-types.js';
import { useApp } from '../app-context.js';

/** Next statuses a person can set (new → read → acted / dismissed); the server checks the same rule. */
const NEXT: Record<InsightStatus, readonly Exclude<InsightStatus, 'new'>[]> = {
  new: ['read', 'acted', 'dismissed'],
  read: ['acted', 'dismissed'],
  acted: [],
  dismissed: [],
};

/** Status buttons of one insight; `onChanged` gets the updated insight. */
export function InsightActions({ insight, onChanged }: { insight: Insight; onChanged: (updated: Insight) => void }) {
  const { api, t, announce } = useApp();
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const set = async (status: Exclude<InsightStatus, 'new'>) => {
    setBusy(true);
    setFailure(null);
    try {
      const updated = await api.setInsightStatus(insight.insightId, status);
      announce(t('insight.statusChanged', { title: insight.title, status: t(`insightStatus.${status}`) }));
      onChanged({ ...insight, ...updated, status });
    } catch (error) {
      setFailure((error as Error).message);
    } finally {
      setBusy(false);
    }
  };
  return (
    <div class="insight-actions">
      {NEXT[insight.status].map((status) => (
        <button key={status} type="button" class={`button button-small${status === 'dismissed' ? ' button-quiet' : ''}`} disabled={busy} aria-label={`${t(`insightAction.${status}`)}: ${insight.title}`} onClick={() => void set(status)}>
          {t(`insightAction.${status}`)}
        </button>
      ))}
      {failure && <span class="error" role="alert">{failure}</span>}
    </div>
  );
}
