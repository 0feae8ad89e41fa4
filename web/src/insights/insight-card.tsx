import type { Insight } from '../api/api-types.js';
import { useApp } from '../app-context.js';
import { Badge } from '../ui/badges.js';
import { InsightActions } from './insight-actions.js';

const IMPORTANCE_TONE = { high: 'bad', medium: 'warn', low: 'info' } as const;

/** One finding: title, importance, status, its detail lines and the status buttons. */
export function InsightCard({ insight, onChanged, detailLines = 4 }: { insight: Insight; onChanged: (updated: Insight) => void; detailLines?: number }) {
  const { t } = useApp();
  const lines = insight.detail.split('\n').filter((line) => line.trim());
  return (
    <li class={`insight-card insight-${insight.type}`} data-insight-id={insight.insightId}>
      <h4 class="insight-title">{insight.title}</h4>
      <p class="badges">
        <Badge tone={IMPORTANCE_TONE[insight.importance]} label={t('insight.importance')}>{t(`importance.${insight.importance}`)}</Badge>
        <Badge tone={insight.status === 'new' ? 'intent' : 'plain'} label={t('insight.status')}>{t(`insightStatus.${insight.status}`)}</Badge>
      </p>
      {lines.length > 0 && (
        <ul class="insight-detail">
          {lines.slice(0, detailLines).map((line, i) => <li key={i}>{line}</li>)}
        </ul>
      )}
      <InsightActions insight={insight} onChanged={onChanged} />
    </li>
  );
}
