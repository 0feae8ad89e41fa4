import type { IntentCategory } from './intent-lexicon.js';

/** The reasons urgency gives, in the record's language. */
export interface UrgencyPhrases {
  churn(cue: string): string;
  pressing(cue: string): string;
  escalation(cues: string): string;
  deadline(cue: string): string;
  openIssue(cue: string): string;
  workInProgress(intent: IntentCategory): string;
  readonly unhappy: string;
  readonly none: string;
}

export const ZH: UrgencyPhrases = {
  churn: (cue: string) => `客户流失或升级风险：“${cue}”`,
  pressing: (cue: string) => `时间紧迫：“${cue}”`,
  escalation: (cues: string) => `问题反复且情绪强烈：${cues}`,
  deadline: (cue: string) => `有明确期限：“${cue}”`,
  openIssue: (cue: string) => `有待解决的问题：“${cue}”`,
  workInProgress: (intent: IntentCategory) => (intent === 'order' ? '订单待确认和排产' : '投诉需要答复'),
  unhappy: '客户不满，需要跟进',
  none: '未发现时间压力',
};
export const EN: UrgencyPhrases = {
  churn: (cue) => `churn or escalation risk: "${cue}"`,
  pressing: (cue) => `time pressure: "${cue}"`,
  escalation: (cues) => `repeated problem with strong feeling: ${cues}`,
  deadline: (cue) => `deadline: "${cue}"`,
  openIssue: (cue) => `open issue: "${cue}"`,
  workInProgress: (intent) => (intent === 'order' ? 'an order waiting to be confirmed and scheduled' : 'a complaint waiting for an answer'),
  unhappy: 'an unhappy customer waiting for a follow-up',
  none: 'no time pressure found',
};
