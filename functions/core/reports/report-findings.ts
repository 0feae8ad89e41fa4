import type { A15CustomerSection, A15Opportunity, A15Risk } from '../agents/a15-report.js';
import type { CustomerHealth, CustomerMetrics } from '../insight/customer-metrics.js';
import type { Insight } from '../model/insight.js';
import type { ReportPeriod } from '../model/report.js';

const LEVEL_ORDER = { high: 0, medium: 1, low: 2 } as const;
const MAX_INDICATORS = 10;
const LINE_MAX = 500;

/** The metrics a customer section quotes; a whole `CustomerMetrics` fits. */
export interface CustomerSectionMetrics {
  readonly communications: Pick<CustomerMetrics['communications'], 'trend' | 'last30Days'>;
  readonly sentiment: Pick<CustomerMetrics['sentiment'], 'trend'>;
  readonly lastContactAt: CustomerMetrics['lastContactAt'];
  readonly daysSinceLastContact: CustomerMetrics['daysSinceLastContact'];
}

/** One customer's computed standing, for its section of a report. */
export interface CustomerReportFacts {
  readonly customerId: string;
  readonly name?: string;
  readonly metrics: CustomerSectionMetrics;
  readonly health: Pick<CustomerHealth, 'score' | 'stage'>;
  /** The customer's insights, any age; the newest few are summarised. */
  readonly insights: readonly Insight[];
}

/**
 * The risks a report lists: risk insights created in the period and not dismissed, highest level
 * first, then newest. Type and indicators are read from the insight's `data` when A14 put them
 * there (`risk_type`, `indicators`), otherwise its title stands in.
 */
export function reportRisks(insights: readonly Insight[], period: ReportPeriod, names?: ReadonlyMap<string, string>): A15Risk[] {
  return createdIn(insights, period, 'risk')
    .sort((a, b) => LEVEL_ORDER[a.importance] - LEVEL_ORDER[b.importance] || newestFirst(a, b))
    .map((insight) => {
      const indicators = stringList(insight.data.indicators ?? insight.data.risk_indicators);
      return {
        customer_id: insight.customerId,
        ...nameOf(insight.customerId, names),
        type: (stringValue(insight.data.risk_type ?? insight.data.riskType) ?? 'other').slice(0, 100),
        level: insight.importance,
        indicators: (indicators.length > 0 ? indicators : [insight.title]).slice(0, MAX_INDICATORS).map(line),
      };
    });
}

/** The opportunities a report lists: opportunity insights created in the period and not dismissed, newest first. */
export function reportOpportunities(insights: readonly Insight[], period: ReportPeriod, names?: ReadonlyMap<string, string>): A15Opportunity[] {
  return createdIn(insights, period, 'opportunity')
    .sort(newestFirst)
    .map((insight) => {
      const value = insight.data.estimated_value ?? insight.data.estimatedValue;
      const currency = stringValue(insight.data.currency);
      return {
        customer_id: insight.customerId,
        ...nameOf(insight.customerId, names),
        title: line(insight.title),
        ...(typeof value === 'number' && Number.isFinite(value) && value >= 0 ? { estimated_value: value } : {}),
        ...(currency && /^[A-Z]{3}$/.test(currency) ? { currency } : {}),
      };
    });
}

/** A customer's section: its health, stage and trends as computed, and its newest findings' titles. */
export function customerSection(facts: CustomerReportFacts): A15CustomerSection {
  const { metrics, health } = facts;
  const newest = facts.insights
    .filter((insight) => insight.status !== 'dismissed' && insight.type !== 'report')
    .sort(newestFirst)
    .slice(0, 3)
    .map((insight) => insight.title);
  return {
    customer_id: facts.customerId,
    ...(facts.name === undefined ? {} : { customer_name: facts.name.slice(0, 200) }),
    health_score: health.score,
    stage: health.stage,
    trend: metrics.communications.trend,
    sentiment_trend: metrics.sentiment.trend,
    last_contact_at: metrics.lastContactAt,
    days_since_last_contact: metrics.daysSinceLastContact,
    records_last_30_days: metrics.communications.last30Days,
    insight_summary: newest.join('; ').slice(0, 1000),
  };
}

function createdIn(insights: readonly Insight[], period: ReportPeriod, type: Insight['type']): Insight[] {
  const start = Date.parse(period.start);
  const end = Date.parse(period.end);
  return insights.filter((insight) => {
    const created = Date.parse(insight.createdAt);
    return insight.type === type && insight.status !== 'dismissed' && created >= start && created < end;
  });
}

function newestFirst(a: Insight, b: Insight): number {
  return Date.parse(b.createdAt) - Date.parse(a.createdAt) || (a.insightId < b.insightId ? -1 : 1);
}

function nameOf(customerId: string, names: ReadonlyMap<string, string> | undefined): { customer_name?: string } {
  const name = names?.get(customerId);
  return name === undefined ? {} : { customer_name: name.slice(0, 200) };
}

function stringValue(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}

function stringList(value: unknown): string[] {
  return Array.isArray(value) ? value.flatMap((item) => stringValue(item) ?? []) : [];
}

/** Report lines are single lines of bounded length, whatever the finding held. */
function line(text: string): string {
  return text.replace(/\s+/g, ' ').trim().slice(0, LINE_MAX) || '-';
}
