import type { RecordLanguage } from '../../core/agents/a10-communication-analysis.js';
import { A11Output, healthLevelFor } from '../../core/agents/a11-customer-insight.js';
import type { AgentLevel } from '../../core/agents/agent-output-fields.js';
import type { CustomerAgentInput, RecordSummary } from '../../core/agents/customer-agent-input.js';
import { clip } from '../schema-limits.js';
import { RISK_NAMES } from './a14-indicator-phrases.js';
import { localRiskAlerts } from './a14-local-risk-alerts.js';
import { localOpportunities } from './a12-local-opportunity-mining.js';
import { HEALTH_LEVEL_NAMES, INTENT_NEEDS, STAGE_NAMES, TREND_NAMES } from './customer-phrases.js';
import { COUNT_NOUNS, communicationsVsBaseline, contactTimesPhrase, responseSpeedPhrase, signedTwoDecimals, windowedCount } from './metric-phrases.js';
import { ageInDays } from './record-recency.js';

/** Satisfaction reads low from this 30-day sentiment average down, high from {@link SATISFIED_SENTIMENT} up. */
export const DISSATISFIED_SENTIMENT = -0.2;
export const SATISFIED_SENTIMENT = 0.3;
/** A customer first contacted this many days ago, still talking to us as much as before, reads as loyal. */
export const LOYAL_TENURE_DAYS = 180;

/**
 * Agent A11 by rules: the computed health and stage as they are, the communication pattern in words,
 * satisfaction and loyalty graded by named thresholds, needs from the records' intents, and the risks
 * and opportunities the local A14 and A12 find. Key contacts stay empty: the summaries are redacted,
 * so the rules cannot name anyone. Deterministic.
 *
 * @example
 * localCustomerInsight(input).relationship_health; // { score: 62, level: 'good', summary: 'Health 62/100 (good), growing; …' }
 */
export function localCustomerInsight(input: CustomerAgentInput): A11Output {
  const { metrics, health, language } = input;
  const level = healthLevelFor(health.score);
  const zh = language === 'zh';
  const communications = communicationsVsBaseline(metrics.communications, language);
  const summary = zh
    ? `健康度${health.score}/100（${HEALTH_LEVEL_NAMES.zh[level]}），${STAGE_NAMES.zh[health.stage]}；${communications}`
    : `Health ${health.score}/100 (${HEALTH_LEVEL_NAMES.en[level]}), ${STAGE_NAMES.en[health.stage]}; ${communications}`;
  const trend = TREND_NAMES[language][metrics.communications.trend];
  return A11Output.parse({
    relationship_health: { score: health.score, level, summary: clip(summary, 300) },
    communication_pattern: {
      frequency: clip(zh ? `${communications}；趋势：${trend}` : `${communications}; trend ${trend}`, 300),
      preferred_channel: metrics.channels.preferred,
      preferred_times: contactTimesPhrase(metrics.contactTimes, language),
      response_speed: responseSpeedPhrase(metrics.responseTime, language),
    },
    decision_style: decisionStyle(input),
    satisfaction: satisfaction(input),
    loyalty: loyalty(input),
    lifecycle_stage: health.stage,
    key_contacts: [],
    needs_map: needsMap(input.records, language),
    risks: localRiskAlerts(input).risks.slice(0, 5).map((risk) => clip(`${RISK_NAMES[language][risk.type]}${zh ? '：' : ': '}${risk.indicators[0]}`, 300)),
    opportunities: localOpportunities(input).opportunities.map((opportunity) => opportunity.title),
  });
}

/** How the customer decides, from what the signals and records show most; "not enough evidence" otherwise. */
function decisionStyle({ metrics, records, language }: CustomerAgentInput): string {
  const zh = language === 'zh';
  const { priceObjections, competitorMentions } = metrics.signals;
  const styles: string[] = [];
  if (priceObjections.last30Days + priceObjections.prior90Days >= 2) styles.push(zh ? '对价格敏感' : 'price-sensitive');
  if (competitorMentions.last30Days + competitorMentions.prior90Days >= 1) styles.push(zh ? '会比较多家供应商' : 'compares suppliers');
  if (records.filter((record) => record.intent === 'technical').length >= 2) styles.push(zh ? '重视技术参数' : 'driven by specifications');
  const faceToFace = (metrics.channels.counts.meeting ?? 0) + (metrics.channels.counts.visit ?? 0) + (metrics.channels.counts.video ?? 0);
  if (faceToFace >= 2) styles.push(zh ? '重视面对面沟通' : 'values meeting in person');
  if (styles.length === 0) return zh ? '证据不足，暂无法判断决策方式' : 'Not enough evidence yet to tell how they decide';
  return zh ? styles.join('，') : `${styles.join(', ')}`.replace(/^./, (first) => first.toUpperCase());
}

function satisfaction({ metrics, language }: CustomerAgentInput): A11Output['satisfaction'] {
  const { averageLast30Days } = metrics.sentiment;
  const { complaints } = metrics.signals;
  const level: AgentLevel =
    complaints.last30Days >= 2 || (averageLast30Days !== null && averageLast30Days <= DISSATISFIED_SENTIMENT)
      ? 'low'
      : averageLast30Days !== null && averageLast30Days >= SATISFIED_SENTIMENT && complaints.last30Days === 0
        ? 'high'
        : 'medium';
  const zh = language === 'zh';
  const drivers = [
    ...(averageLast30Days === null ? [] : [zh ? `近30天平均情绪${signedTwoDecimals(averageLast30Days)}` : `Average sentiment ${signedTwoDecimals(averageLast30Days)} in 30 days`]),
    ...(complaints.last30Days + complaints.prior90Days > 0 ? [windowedCount(complaints, COUNT_NOUNS.complaints, language)] : []),
    responseSpeedPhrase(metrics.responseTime, language),
  ];
  return { level, drivers: drivers.map((driver) => clip(driver, 300)) };
}

function loyalty({ metrics, language }: CustomerAgentInput): A11Output['loyalty'] {
  const zh = language === 'zh';
  const { trend } = metrics.communications;
  const tenure = metrics.firstContactAt === null ? null : ageInDays(metrics.firstContactAt, metrics.asOf);
  const fading = trend === 'falling' || trend === 'silent' || metrics.signals.competitorMentions.last30Days >= 2;
  const level: AgentLevel = fading ? 'low' : tenure !== null && tenure >= LOYAL_TENURE_DAYS ? 'high' : 'medium';
  const evidence = [
    ...(metrics.firstContactAt === null ? [] : [zh ? `首次联系：${metrics.firstContactAt.slice(0, 10)}` : `First contact ${metrics.firstContactAt.slice(0, 10)}`]),
    communicationsVsBaseline(metrics.communications, language),
    ...(metrics.signals.competitorMentions.last30Days > 0 ? [windowedCount(metrics.signals.competitorMentions, COUNT_NOUNS.competitorMentions, language)] : []),
  ];
  return { level, evidence: evidence.map((item) => clip(item, 300)) };
}

/** One need per intent the records show (most records first): high when one of them was urgent, medium from two records. */
function needsMap(records: readonly RecordSummary[], language: RecordLanguage): A11Output['needs_map'] {
  const byIntent = new Map<string, RecordSummary[]>();
  for (const record of records) {
    if (record.intent === undefined || INTENT_NEEDS[language][record.intent] === null) continue;
    byIntent.set(record.intent, [...(byIntent.get(record.intent) ?? []), record]);
  }
  const rank = { high: 0, medium: 1, low: 2 } as const;
  return [...byIntent.entries()]
    .map(([intent, shown]) => {
      const priority: AgentLevel = shown.some((record) => record.urgency === 'high') ? 'high' : shown.length >= 2 ? 'medium' : 'low';
      const latest = shown[0]!;
      const evidence = language === 'zh' ? `${shown.length}条记录，最近：${latest.summary || latest.recordId}` : `${shown.length} records; latest: ${latest.summary || latest.recordId}`;
      return { need: INTENT_NEEDS[language][intent as keyof (typeof INTENT_NEEDS)['en']]!, priority, evidence: clip(evidence, 300), count: shown.length };
    })
    .sort((a, b) => rank[a.priority] - rank[b.priority] || b.count - a.count)
    .slice(0, 5)
    .map(({ count: _count, ...need }) => need);
}
