const WEEKDAY_ZH = '[一二三四五六日天末]';
const WEEKDAY_EN = '(?:mon|tues|wednes|thurs|fri|satur|sun)day';
const MONTH_EN = '(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)';
const DAY_PART_ZH = '(?:上午|下午|早上|晚上|中午|傍晚)';

/**
 * Forward-looking time phrases, longest forms first so `下周三下午` wins over `周三`. Past
 * references (上个月, yesterday) are left out: the timeline is what the customer expects next.
 */
const TIMELINE = new RegExp(
  [
    String.raw`\d{4}年\d{1,2}月(?:\d{1,2}[日号])?`,
    String.raw`\d{4}-\d{2}-\d{2}`,
    String.raw`\d{1,2}月(?:\d{1,2}[日号])?(?:[上中下]旬|底|初|中)?(?:之前|前|内)?`,
    String.raw`(?:本|这|下)个?(?:周|星期|礼拜)${WEEKDAY_ZH}?${DAY_PART_ZH}?(?:之内|之前|内|前)?`,
    String.raw`(?:本|这个?|下个?)月(?:初|底|中|内)?`,
    String.raw`(?:今天|明天|后天|今晚|明早)${DAY_PART_ZH}?(?:之前|前)?`,
    String.raw`(?:周|星期|礼拜)${WEEKDAY_ZH}(?:之前|前)?`,
    String.raw`月底前?|月初|年底前?|年初|明年|下半年|上半年`,
    String.raw`\d+个?(?:工作日|天)(?:之内|内)`,
    String.raw`\b(?:by |before |until |on )?(?:next|this) (?:week|month|year|quarter|${WEEKDAY_EN})\b`,
    String.raw`\b(?:by |before )?(?:the )?end of (?:the |this |next )?(?:week|month|year|quarter)\b`,
    String.raw`\b(?:by |before |on )?${WEEKDAY_EN}(?: (?:morning|afternoon|evening))?\b`,
    String.raw`\b(?:by |before |on )?${MONTH_EN}\.? \d{1,2}(?:st|nd|rd|th)?\b`,
    String.raw`\b(?:by |before |on )?\d{1,2}(?:st|nd|rd|th)? (?:of )?${MONTH_EN}\b`,
    String.raw`\b(?:by |before |in |early |mid-?|late )${MONTH_EN}\b`,
    String.raw`\b(?:by |before )?(?:tomorrow(?: (?:morning|afternoon|evening))?|today|tonight)\b`,
    String.raw`\bwithin \d+ (?:working |business )?(?:days|weeks)\b`,
    String.raw`\bQ[1-4]\b`,
  ].join('|'),
  'gi',
);

/**
 * The time phrases in `text`, in order of appearance: `7月`, `下个月`, `本周内`, `下周三下午`,
 * `明天早上`, `by Friday`, `next month`, `2024-07-15`.
 */
export function findTimeline(text: string): string[] {
  return [...text.matchAll(TIMELINE)].map((match) => match[0].trim());
}
