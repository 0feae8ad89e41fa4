import type { Customer, TimelineRecord } from '../api/api-types.js';
import { useApp } from '../app-context.js';
import type { MessageKey } from '../i18n/messages.js';
import { distributionOf } from './analysis-counts.js';

/** Where the shown records come from and how they split: channel, intent, sentiment, urgency. */
export function AnalysisView({ items, customer, complete }: { items: readonly TimelineRecord[]; customer: Customer | undefined; complete: boolean }) {
  const { t } = useApp();
  const distribution = distributionOf(items);
  const overview = customer?.overview;
  return (
    <div class="analysis-view">
      <p class="muted">{complete ? t('analysis.basedOnAll', { count: distribution.total }) : t('analysis.basedOnLoaded', { count: distribution.total })}</p>
      {overview && (
        <dl class="stat-grid">
          <div>
            <dt>{t('customer.health')}</dt>
            <dd>{overview.healthScore}</dd>
          </div>
          <div>
            <dt>{t('analysis.last30Days')}</dt>
            <dd>{overview.communicationsLast30Days}</dd>
          </div>
          <div>
            <dt>{t('customer.trend')}</dt>
            <dd>{t(`trend.${overview.trend}` as MessageKey)}</dd>
          </div>
          <div>
            <dt>{t('analysis.sentimentTrend')}</dt>
            <dd>{t(`sentimentTrend.${overview.sentimentTrend}` as MessageKey)}</dd>
          </div>
          <div>
            <dt>{t('analysis.averageSentiment')}</dt>
            <dd>{distribution.averageSentiment === null ? '—' : distribution.averageSentiment.toFixed(2)}</dd>
          </div>
        </dl>
      )}
      <div class="bar-charts">
        <Bars title={t('analysis.byChannel')} counts={distribution.byChannel} total={distribution.total} label={(key) => t(`channel.${key}` as MessageKey)} />
        <Bars title={t('analysis.byIntent')} counts={distribution.byIntent} total={distribution.total} label={(key) => t(`intent.${key}` as MessageKey)} />
        <Bars title={t('analysis.bySentiment')} counts={distribution.bySentiment} total={distribution.total} label={(key) => t(`sentiment.${key}` as MessageKey)} />
        <Bars title={t('analysis.byUrgency')} counts={distribution.byUrgency} total={distribution.total} label={(key) => t(`urgency.${key}` as MessageKey)} />
      </div>
    </div>
  );
}

/** A labelled bar list; the numbers are written out, the bars only repeat them. */
function Bars({ title, counts, total, label }: { title: string; counts: ReadonlyMap<string, number>; total: number; label: (key: string) => string }) {
  return (
    <section class="bars" aria-label={title}>
      <h3>{title}</h3>
      <ul class="plain-list">
        {[...counts].map(([key, count]) => (
          <li key={key} class="bar-row">
            <span class="bar-label">{label(key)}</span>
            <span class="bar-track" aria-hidden="true">
              <span class="bar-fill" style={{ width: `${total ? Math.round((count / total) * 100) : 0}%` }} />
            </span>
            <span class="bar-value">{count}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
