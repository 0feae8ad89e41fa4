import type { AgentLevel } from '../../core/agents/agent-output-fields.js';

/**
 * The named thresholds of the local A14 rules (a14-risk-rules.ts). Each is a judgement call written
 * down once so a reader can see, and a tenant could later tune, exactly when a risk is raised.
 */
export const A14_THRESHOLDS = {
  /** churn: the last 30 days carry at most half the monthly baseline (or the trend is falling / silent). */
  churnChangeRatio: 0.5,
  /** competitor_penetration: this many competitor mentions in 30 days… */
  competitorMentions30Days: 2,
  /** complaint_escalation: one complaint in 30 days is a risk… */
  complaints30Days: 1,
  /** …and this many make it an escalation (level rises). */
  complaintsEscalated30Days: 2,
  /** payment: this many delays in 30 days… */
  paymentDelays30Days: 1,
  /** …or this many in the 90 days before. */
  paymentDelaysPrior90Days: 2,
  /** relationship: no contact for this many days… */
  silentDays: 30,
  /** …or this many negative records in 30 days… */
  negativeRecords30Days: 2,
  /** …or this many overdue follow-up tasks. */
  overdueTasks: 2,
  /** order_decline: opportunity signals per 30 days fell to at most this share of the 60 days before… */
  orderSignalRatio: 0.5,
  /** …when those 60 days had at least this many signals (fewer is noise); */
  orderSignalsPrior60Days: 2,
  /** or order-related records (order, payment, delivery, after-sales) fell the same way, from at least this many in the prior 90 days. */
  orderActivityPrior90Days: 3,
  /** quality: this many recent complaint / after-sales records mention quality. */
  qualityRecords30Days: 1,
} as const;

/** A risk score reads as high from 70, medium from 40, else low. */
export const RISK_LEVEL_FLOORS = { high: 70, medium: 40 } as const;

/** The level of a 0–100 risk score. */
export function riskLevelFor(score: number): AgentLevel {
  if (score >= RISK_LEVEL_FLOORS.high) return 'high';
  return score >= RISK_LEVEL_FLOORS.medium ? 'medium' : 'low';
}

/** Each risk beyond the worst adds this to the overall score (several risks at once are worse than one). */
export const OVERALL_EXTRA_RISK_POINTS = 5;

/** A score kept within 0–100 and whole. */
export function clampScore(score: number, min = 0, max = 100): number {
  return Math.round(Math.min(max, Math.max(min, score)));
}
