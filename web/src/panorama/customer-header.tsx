import type { Customer } from '../api/api-types.js';
import { useApp } from '../app-context.js';
import type { MessageKey } from '../i18n/messages.js';
import { formatDateTime, formatSince } from '../time/format.js';
import { followLink } from '../router.js';

/** Arrow per communication trend (against the customer's own baseline). */
const TREND_ARROWS: Record<string, string> = { new: '↗', rising: '↑', stable: '→', falling: '↓', silent: '⤓' };

/** Health 70+ good, 40–69 watch, below 40 at risk: the A11 levels. */
export const healthTone = (score: number) => (score >= 70 ? 'good' : score >= 40 ? 'warn' : 'bad');

/** The customer's name, owner and standing: health score, trend and how long since the last contact. */
export function CustomerHeader({ customer, reportHref }: { customer: Customer; reportHref: string }) {
  const { t, lang, timeZone } = useApp();
  const overview = customer.overview;
  return (
    <header class="customer-header">
      <div class="customer-title">
        <p class="eyebrow">{t('panorama.title')}</p>
        <h1>{customer.name}</h1>
        <p class="muted">
          {customer.customerId}
          {customer.owner && <> · {t('customer.owner')}: {customer.owner}</>}
          {customer.priority && <> · {t('customer.priority')}: {t(`priority.${customer.priority}` as MessageKey)}</>}
          {overview && <> · {t(`stage.${overview.lifecycleStage}` as MessageKey)}</>}
        </p>
      </div>
      {overview && (
        <dl class="customer-stats">
          <div class={`stat stat-${healthTone(overview.healthScore)}`}>
            <dt>{t('customer.health')}</dt>
            <dd>
              <span class="stat-value">{overview.healthScore}</span>
              <span class="muted">/100</span>
              <meter min={0} max={100} low={40} high={70} optimum={100} value={overview.healthScore} aria-label={t('customer.health')} />
            </dd>
          </div>
          <div class="stat">
            <dt>{t('customer.trend')}</dt>
            <dd>
              <span class="stat-value" aria-hidden="true">{TREND_ARROWS[overview.trend] ?? '·'}</span> {t(`trend.${overview.trend}` as MessageKey)}
            </dd>
          </div>
          <div class="stat">
            <dt>{t('customer.lastContact')}</dt>
            <dd>
              {overview.lastContactAt ? (
                <time dateTime={overview.lastContactAt} title={formatDateTime(overview.lastContactAt, lang, timeZone)}>
                  {formatSince(overview.lastContactAt, Date.now(), lang)}
                </time>
              ) : (
                t('customer.never')
              )}
            </dd>
          </div>
          {overview.openRisks.length > 0 && (
            <div class="stat stat-bad">
              <dt>{t('customer.openRisks')}</dt>
              <dd>{overview.openRisks.length}</dd>
            </div>
          )}
        </dl>
      )}
      <a class="button button-primary" href={reportHref} onClick={followLink}>
        {t('panorama.openReport')}
      </a>
    </header>
  );
}
