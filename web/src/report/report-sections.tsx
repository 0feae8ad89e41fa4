import type { ComponentChildren } from 'preact';
import type { A15Report, Insight } from '../api/api-types.js';
import { useApp } from '../app-context.js';
import type { MessageKey } from '../i18n/messages.js';
import { InsightCard } from '../insights/insight-card.js';
import { Badge } from '../ui/badges.js';
import { formatDateTime } from '../time/format.js';

/** One of the report's five numbered sections. */
export function ReportSection({ id, title, children }: { id: string; title: string; children: ComponentChildren }) {
  return (
    <section id={id} class="report-section" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{title}</h2>
      {children}
    </section>
  );
}

/** Insight cards of one type, or a line saying there are none. */
export function InsightCards({ insights, onChanged }: { insights: readonly Insight[]; onChanged: (insight: Insight) => void }) {
  const { t } = useApp();
  if (insights.length === 0) return <p class="muted">{t('report.noInsights')}</p>;
  return (
    <ul class="insight-list">
      {insights.map((insight) => <InsightCard key={insight.insightId} insight={insight} onChanged={onChanged} detailLines={12} />)}
    </ul>
  );
}

/** The narrative and the customer's computed standing (A15 summary, highlights, customer section). */
export function CustomerInsightSummary({ document }: { document: A15Report | undefined }) {
  const { t, lang, timeZone } = useApp();
  if (!document) return null;
  return (
    <>
      <p class="report-summary">{document.summary}</p>
      {document.highlights.length > 0 && (
        <ul>{document.highlights.map((line, i) => <li key={i}>{line}</li>)}</ul>
      )}
      {(document.customer_sections ?? []).map((section) => (
        <dl key={section.customer_id} class="stat-grid">
          <div>
            <dt>{t('customer.health')}</dt>
            <dd>{section.health_score}</dd>
          </div>
          <div>
            <dt>{t('customer.stage')}</dt>
            <dd>{t(`stage.${section.stage}` as MessageKey)}</dd>
          </div>
          <div>
            <dt>{t('customer.trend')}</dt>
            <dd>{t(`trend.${section.trend}` as MessageKey)}</dd>
          </div>
          <div>
            <dt>{t('analysis.last30Days')}</dt>
            <dd>{section.records_last_30_days}</dd>
          </div>
          <div>
            <dt>{t('customer.lastContact')}</dt>
            <dd>{section.last_contact_at ? formatDateTime(section.last_contact_at, lang, timeZone) : t('customer.never')}</dd>
          </div>
        </dl>
      ))}
    </>
  );
}

/** The period's opportunities as the report counts them (estimated value where stated). */
export function ReportOpportunities({ document }: { document: A15Report | undefined }) {
  const { t, lang } = useApp();
  if (!document || document.opportunities.length === 0) return null;
  return (
    <ul>
      {document.opportunities.map((opportunity, i) => (
        <li key={i}>
          {opportunity.title}
          {opportunity.estimated_value !== undefined && (
            <> — {new Intl.NumberFormat(lang, { style: opportunity.currency ? 'currency' : 'decimal', currency: opportunity.currency }).format(opportunity.estimated_value)}</>
          )}
          {opportunity.estimated_value === undefined && <span class="muted"> — {t('report.noValue')}</span>}
        </li>
      ))}
    </ul>
  );
}

/** The period's risks with their level and indicators. */
export function ReportRisks({ document }: { document: A15Report | undefined }) {
  const { t } = useApp();
  if (!document || document.risks.length === 0) return null;
  return (
    <ul>
      {document.risks.map((risk, i) => (
        <li key={i}>
          <Badge tone={{ high: 'bad', medium: 'warn', low: 'info' }[risk.level]}>{t(`importance.${risk.level}`)}</Badge> {risk.type}
          {risk.indicators.length > 0 && <ul>{risk.indicators.map((line, j) => <li key={j}>{line}</li>)}</ul>}
        </li>
      ))}
    </ul>
  );
}
