import type { RecordLanguage } from '../../core/agents/a10-communication-analysis.js';
import { A12Output, OPPORTUNITIES_MAX, type MinedOpportunity, type OpportunityStage } from '../../core/agents/a12-opportunity-mining.js';
import type { CustomerAgentInput } from '../../core/agents/customer-agent-input.js';
import type { OpportunitySignal } from '../../core/insight/customer-metrics.js';
import { clip } from '../schema-limits.js';

/**
 * How likely an opportunity at each stage closes, before competition. A funnel rule of thumb, written
 * down so the figure is explainable; a signal naming competitors takes {@link COMPETITION_FACTOR} of it.
 */
export const STAGE_PROBABILITY = { lead: 0.1, qualified: 0.25, proposal: 0.4, negotiation: 0.6, won: 1, lost: 0 } as const satisfies Record<OpportunityStage, number>;
export const COMPETITION_FACTOR = 0.8;

const LABEL_MAX = 100;

/**
 * The stage the newest signal of an opportunity shows: talk of an order → negotiation; a price on the
 * table → proposal; a quantity or a date → qualified; products alone → lead.
 */
export function stageOf(signal: OpportunitySignal): OpportunityStage {
  if (signal.intent === 'order') return 'negotiation';
  if (signal.price) return 'proposal';
  if (signal.quantity || signal.timeline) return 'qualified';
  return 'lead';
}

/**
 * Agent A12 by rules: the computed opportunity signals grouped by the products they name (newest
 * first, at most five groups), each with the stage its newest signal shows, a funnel probability, the
 * competitors named and the records behind it. Never estimates a value (`estimated_value: null`): a
 * price and a quantity in free text do not reliably multiply. Deterministic.
 *
 * @example
 * localOpportunities(input).opportunities[0]; // { title: 'PCR-ABS 1000 — 约50吨', stage: 'qualified', probability: 0.25, … }
 */
export function localOpportunities(input: CustomerAgentInput): A12Output {
  const groups = groupByProducts(input.metrics.opportunities);
  const opportunities = groups.slice(0, OPPORTUNITIES_MAX).map((signals) => opportunityOf(signals, input.language));
  return A12Output.parse({
    opportunities,
    cross_sell: opportunities.slice(0, 3).map((opportunity) => crossSell(opportunity.products, input.language)),
    up_sell: opportunities.filter((opportunity) => opportunity.quantity !== null).slice(0, 3).map((opportunity) => upSell(opportunity.products, input.language)),
  });
}

/** Signals naming the same products (case-insensitive, any order) form one opportunity; signals naming none are skipped. */
function groupByProducts(signals: readonly OpportunitySignal[]): OpportunitySignal[][] {
  const groups = new Map<string, OpportunitySignal[]>();
  for (const signal of signals) {
    const products = signal.products.map((product) => product.trim()).filter((product) => product.length > 0);
    if (products.length === 0) continue;
    const key = products.map((product) => product.toLowerCase()).sort().join('\u0000');
    groups.set(key, [...(groups.get(key) ?? []), signal]);
  }
  return [...groups.values()];
}

function opportunityOf(signals: readonly OpportunitySignal[], language: RecordLanguage): MinedOpportunity {
  const newest = signals[0]!;
  const products = unique(signals.flatMap((signal) => signal.products)).slice(0, 10);
  const competitors = unique(signals.flatMap((signal) => signal.competitors)).slice(0, 10);
  const quantity = signals.find((signal) => signal.quantity)?.quantity;
  const stage = stageOf(newest);
  const probability = Math.round(STAGE_PROBABILITY[stage] * (competitors.length > 0 ? COMPETITION_FACTOR : 1) * 100) / 100;
  const named = products.slice(0, 2).join(language === 'zh' ? '、' : ', ');
  const title = language === 'zh' ? `${named}${quantity ? `（${quantity}）` : ''}商机` : `${named}${quantity ? ` — ${quantity}` : ''}`;
  return {
    title: clip(title, 300),
    products,
    quantity: quantity ? clip(quantity, LABEL_MAX) : null,
    estimated_value: null,
    probability,
    stage,
    competitors,
    next_actions: nextActions(stage, named, competitors.length > 0, language),
    evidence_record_ids: [...new Set(signals.map((signal) => signal.recordId))].filter((id) => id.length > 0 && id.length <= LABEL_MAX).slice(0, 10),
  };
}

function nextActions(stage: OpportunityStage, products: string, competed: boolean, language: RecordLanguage): string[] {
  const zh = language === 'zh';
  const step = {
    lead: zh ? `确认${products}的用量、时间和预算` : `Qualify the need for ${products}: quantity, timing and budget`,
    qualified: zh ? `发送${products}报价` : `Send a quote for ${products}`,
    proposal: zh ? `跟进${products}报价，确认决策时间` : `Follow up on the ${products} quote and ask for a decision date`,
    negotiation: zh ? `确认${products}的订单条款和交期` : `Confirm order terms and delivery for ${products}`,
    won: zh ? `安排${products}交付并确认满意度` : `Deliver ${products} and check satisfaction`,
    lost: zh ? `了解${products}未成交的原因` : `Learn why the ${products} deal was lost`,
  }[stage];
  const compete = zh ? '了解竞品的报价与条件' : "Find out the competitor's price and terms";
  return [step, ...(competed ? [compete] : [])].map((action) => clip(action, 300));
}

function crossSell(products: readonly string[], language: RecordLanguage): string {
  const named = products.slice(0, 2).join(language === 'zh' ? '、' : ', ');
  return clip(language === 'zh' ? `推荐与${named}配套的相关牌号或辅料` : `Offer related grades or complementary materials alongside ${named}`, 300);
}

function upSell(products: readonly string[], language: RecordLanguage): string {
  const named = products.slice(0, 2).join(language === 'zh' ? '、' : ', ');
  return clip(language === 'zh' ? `为${named}提出年度供货协议或阶梯价格` : `Propose an annual supply agreement or volume pricing for ${named}`, 300);
}

function unique(values: readonly string[]): string[] {
  const seen = new Map<string, string>();
  for (const value of values) {
    const trimmed = clip(value.trim(), LABEL_MAX);
    if (trimmed.length > 0 && !seen.has(trimmed.toLowerCase())) seen.set(trimmed.toLowerCase(), trimmed);
  }
  return [...seen.values()];
}
