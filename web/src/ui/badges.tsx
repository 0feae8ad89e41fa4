import type { ComponentChildren } from 'preact';
import { useApp } from '../app-context.js';
import type { TimelineRecord } from '../api/api-types.js';

/** A coloured label; `tone` picks a colour pair with at least 4.5:1 contrast (styles/badges.css). */
export function Badge({ tone, label, children }: { tone: string; label?: string; children: ComponentChildren }) {
  return (
    <span class={`badge badge-${tone}`}>
      {label && <span class="sr-only">{label}: </span>}
      {children}
    </span>
  );
}

/** Intent, sentiment and urgency of a record's analysis, and its attachment count. */
export function AnalysisBadges({ record }: { record: TimelineRecord }) {
  const { t } = useApp();
  const { analysis } = record;
  return (
    <span class="badges">
      {analysis.intent && (
        <Badge tone={analysis.intent.category === 'complaint' ? 'bad' : 'intent'} label={t('badge.intent')}>
          {t(`intent.${analysis.intent.category}`)}
        </Badge>
      )}
      {analysis.sentiment && (
        <Badge tone={{ positive: 'good', neutral: 'plain', negative: 'bad' }[analysis.sentiment.overall]} label={t('badge.sentiment')}>
          {t(`sentiment.${analysis.sentiment.overall}`)}
        </Badge>
      )}
      {analysis.urgency && (
        <Badge tone={{ high: 'bad', medium: 'warn', low: 'info' }[analysis.urgency.level]} label={t('badge.urgency')}>
          {t(`urgency.${analysis.urgency.level}`)}
        </Badge>
      )}
      {analysis.status !== 'completed' && <Badge tone="plain">{t(`analysis.${analysis.status}`)}</Badge>}
      {record.attachments.length > 0 && (
        <Badge tone="plain">
          <svg class="clip-icon" viewBox="0 0 24 24" width="12" height="12" aria-hidden="true" focusable="false">
            <path d="M20 11.5l-8.2 8.2a5 5 0 0 1-7.1-7.1l8.5-8.5a3.3 3.3 0 0 1 4.7 4.7l-8.5 8.5a1.7 1.7 0 0 1-2.4-2.4l7.8-7.8" fill="none" stroke="currentColor" stroke-width="2.2" stroke-linecap="round" />
          </svg>{' '}
          {t('badge.attachments', { count: record.attachments.length })}
        </Badge>
      )}
    </span>
  );
}
