import type { CustomerAgentInput } from '../../core/agents/customer-agent-input.js';
import { localRiskAlerts } from '../../analysis/agents/a14-local-risk-alerts.js';
import type { CustomerAgentPrompt } from './customer-agent-prompt.js';

/** The tool A14 answers through; its input is `A14Output`. */
export const A14_TOOL_NAME = 'record_risk_alerts';

/**
 * The indicators the local rules computed, for the model to quote: they hold the derived figures
 * (a change of −75%, signal counts per window) that are not literally in the metrics, so a model that
 * quotes them passes the numeric guard instead of being overwritten by it.
 */
function computedIndicators(input: CustomerAgentInput): string {
  const findings = localRiskAlerts(input).risks.map(({ type, score, indicators }) => ({ type, score, indicators }));
  const heading =
    input.language === 'zh' ? '规则根据指标算出的风险指标（引用时照原文）：' : 'Indicators the rules computed from the metrics (quote them as written):';
  return `${heading}\n<computed_indicators>${JSON.stringify(findings)}</computed_indicators>`;
}

/** Agent A14's prompt: the customer's risks, each shown by computed figures. */
export const A14_PROMPT: CustomerAgentPrompt = {
  toolName: A14_TOOL_NAME,
  extraFacts: computedIndicators,
  wording: {
    en: {
      role: 'You are a B2B customer-risk analyst.',
      task: 'Report the risks of losing or harming this customer, worst first, and an overall risk score from 0 to 100.',
      rules: [
        'type: churn, order_decline, complaint_escalation, competitor_penetration, payment, quality or relationship; at most one risk of each type.',
        'indicators: each quotes figures from <metrics> or <computed_indicators> exactly, e.g. "30-day communications 2 vs monthly baseline 8.0 (−75%)"; an indicator that quotes any other number is discarded.',
        'score (0 to 100) and level (high from 70, medium from 40, else low) are your judgement of the indicators.',
        'evidence_record_ids: recordId values from <records> or <opportunities>, nothing else.',
        'recommended_actions: concrete next steps for the account team.',
        'Raise only risks the figures or records support; no risks and a low overall score is a valid answer.',
      ],
    },
    zh: {
      role: '你是B2B客户风险分析师。',
      task: '按严重程度列出可能失去或损害该客户的风险，并给出 0 到 100 的总体风险分。',
      rules: [
        'type：churn、order_decline、complaint_escalation、competitor_penetration、payment、quality 或 relationship；每种类型最多一条。',
        'indicators：每条都要照原样引用 <metrics> 或 <computed_indicators> 中的数字，例如“近30天沟通2次，月均基线8.0次（−75%）”；引用其他数字的指标会被丢弃。',
        'score（0 到 100）与 level（70及以上 high，40及以上 medium，其余 low）由你根据指标判断。',
        'evidence_record_ids：只能填 <records> 或 <opportunities> 中的 recordId。',
        'recommended_actions：客户团队可执行的具体下一步。',
        '只报告有数字或记录支持的风险；没有风险、总体风险分很低也是有效的回答。',
      ],
    },
  },
};
