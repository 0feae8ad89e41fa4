import type { RecordLanguage } from '../../core/agents/a10-communication-analysis.js';
import type { CustomerMetrics } from '../../core/insight/customer-metrics.js';
import type { RecordType } from '../../core/model/record-types.js';

/**
 * How the local agents write computed figures into sentences, once per language. Every number a
 * phrase shows is one of the metrics' own (or a rounding of one, or a change derived from two), so
 * the numeric guard can recognise it.
 */

const WEEKDAYS = {
  en: ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'],
  zh: ['周一', '周二', '周三', '周四', '周五', '周六', '周日'],
} as const satisfies Record<RecordLanguage, readonly string[]>;

const CHANNELS = {
  en: { phone: 'phone', mobile: 'mobile', wechat: 'WeCom', email: 'email', meeting: 'meeting', video: 'video meeting', visit: 'visit', form: 'web form', webchat: 'web chat' },
  zh: { phone: '电话', mobile: '手机', wechat: '企业微信', email: '邮件', meeting: '会议', video: '视频会议', visit: '拜访', form: '表单', webchat: '在线聊天' },
} as const satisfies Record<RecordLanguage, Record<RecordType, string>>;

/** One decimal, as the monthly baseline is shown ("8.0"). */
export const oneDecimal = (value: number): string => value.toFixed(1);

/** Two decimals with a Unicode minus, as sentiment averages are shown ("−0.40", "0.35"). */
export const signedTwoDecimals = (value: number): string => (value < 0 ? `−${(-value).toFixed(2)}` : value.toFixed(2));

/** A ratio against its baseline as a signed change: 0.25 → "−75%", 1.5 → "+50%" (Unicode minus). */
export function percentChange(ratio: number): string {
  const change = Math.round((ratio - 1) * 100);
  return change < 0 ? `−${-change}%` : `+${change}%`;
}

/** ISO weekdays as names: [2, 4] → "Tue, Thu" / "周二、周四". */
export function weekdayNames(weekdays: readonly number[], language: RecordLanguage): string {
  return weekdays.map((day) => WEEKDAYS[language][day - 1] ?? String(day)).join(language === 'zh' ? '、' : ', ');
}

/** Hours of day as clock times: [10, 14] → "10:00, 14:00". */
export function clockHours(hours: readonly number[], language: RecordLanguage): string {
  return hours.map((hour) => `${hour}:00`).join(language === 'zh' ? '、' : ', ');
}

/** A record type as staff call the channel. */
export function channelName(type: RecordType, language: RecordLanguage): string {
  return CHANNELS[language][type];
}

/** "30-day communications 2 vs monthly baseline 8.0 (−75%)" / "近30天沟通2次，月均基线8.0次（−75%）". */
export function communicationsVsBaseline(communications: CustomerMetrics['communications'], language: RecordLanguage): string {
  const { last30Days, baselineMonthly, changeRatio } = communications;
  if (language === 'zh') {
    const change = changeRatio === null ? '' : `（${percentChange(changeRatio)}）`;
    return `近30天沟通${last30Days}次，月均基线${oneDecimal(baselineMonthly)}次${change}`;
  }
  const change = changeRatio === null ? '' : ` (${percentChange(changeRatio)})`;
  return `30-day communications ${last30Days} vs monthly baseline ${oneDecimal(baselineMonthly)}${change}`;
}

/** An English count with its noun in the right number: (1, 'record') → "1 record", (3, 'record') → "3 records". */
export function counted(count: number, singular: string, plural = `${singular}s`): string {
  return `${count} ${count === 1 ? singular : plural}`;
}

/** A noun in both languages; English as [singular, plural]. */
export interface CountNoun {
  readonly en: readonly [string, string];
  readonly zh: string;
}

/** "3 complaints in 30 days (prior 90 days: 1)" / "近30天投诉3次（此前90天：1次）" for any windowed count. */
export function windowedCount(count: { readonly last30Days: number; readonly prior90Days: number }, noun: CountNoun, language: RecordLanguage): string {
  return language === 'zh'
    ? `近30天${noun.zh}${count.last30Days}次（此前90天：${count.prior90Days}次）`
    : `${counted(count.last30Days, ...noun.en)} in 30 days (prior 90 days: ${count.prior90Days})`;
}

/** The windowed counts the rules quote. */
export const COUNT_NOUNS = {
  complaints: { en: ['complaint', 'complaints'], zh: '投诉' },
  competitorMentions: { en: ['competitor mention', 'competitor mentions'], zh: '提及竞争对手' },
  paymentDelays: { en: ['payment delay', 'payment delays'], zh: '付款延迟' },
  orderActivity: { en: ['order, payment, delivery or after-sales record', 'order, payment, delivery or after-sales records'], zh: '订单/付款/交付/售后沟通' },
} as const satisfies Record<string, CountNoun>;

/** When the customer is best reached, from the computed contact times ("Tue, Thu · 10:00, 14:00"). */
export function contactTimesPhrase(contactTimes: CustomerMetrics['contactTimes'], language: RecordLanguage): string {
  const parts = [weekdayNames(contactTimes.preferredWeekdays, language), clockHours(contactTimes.preferredHours, language)].filter((part) => part.length > 0);
  if (parts.length > 0) return parts.join(' · ');
  return language === 'zh' ? '尚无足够的来访时间数据' : 'not enough inbound contact to tell yet';
}

/** The median reply time in words ("median reply 35 min over 12 replies"). */
export function responseSpeedPhrase(responseTime: CustomerMetrics['responseTime'], language: RecordLanguage): string {
  const { medianMinutes, samples } = responseTime;
  if (medianMinutes === null) return language === 'zh' ? '尚无“来信—回复”配对，无法计算回复时长' : 'no inbound–reply pairs yet to time our replies';
  const minutes = Math.round(medianMinutes);
  return language === 'zh' ? `我方回复中位时长${minutes}分钟（${samples}次回复）` : `our median reply ${minutes} min over ${counted(samples, 'reply', 'replies')}`;
}
