/**
 * Dates and requests as the urgency rules read them, on the lowercased text. Kept apart from the
 * rules so each expression is named, documented and tested once.
 */

/** "今天"/"tomorrow" is pressing only when the same clause says something is needed then. */
export const NEEDED_THEN =
  /必须|务必|需要|(?<![纪重主摘概提只])要(?![点闻])|(?:就|还|都|必须|今天|明天|今晚)得|等着|急|能[^，。,；;]{0,8}[吗?？]|\b(?:can|could) you\b[^.?!]{0,30}\?|need|must|have to|required?|latest|or else|\bwant\b|\bexpect\b|\bdemand\b|^\s*(?:please |pls )?(?:send|share|provide|issue|update|check|ship|deliver|call|reply|respond|fix|come|arrange|get|give|confirm)\b/;
/** "need a solution now", "明天中午前报一下价格": a need stated for this very moment or before tomorrow is out. */
export const NEEDED_NOW =
  /\bwithin (?:\d+|a few|an?|one|two) (?:hours?|minutes?)\b|(?:\d+|[一两二三四五六七八九十半几]+)\s?(?:个)?(?:小时|分钟)(?:之内|以内|内)|(?:上午|中午|下午|晚上|今晚)\s?(?:\d{1,2}|[一二两三四五六七八九十]+)\s?点(?:钟|半)?(?:之前|以前|前)|\b(?:by|before) \d{1,2} ?(?:am|pm|o'clock)\b|(?:今天|今日|今晚|明天|明早|明日)[^，。,；;!！?？\n]{0,5}(?:之前|以前|前|内)|\b(?:need|needs|want|require|expect)\b[^.,;!?]{0,30}\bnow\b(?! (?:that|on|\d))|现在就要|现在就需要/;
/** A due date: "本周内", "周五前", "5月20日之前", "by Friday", "before the end of the month". */
export const DUE_DATE = [
  /(?:本周|这周|下周|周[一二三四五六日末]|星期[一二三四五六日天]|礼拜[一二三四五六日天]|月底|月初|月中|年底|\d{1,2}月\d{1,2}[日号]|\d{1,2}[日号])(?:之前|以前|前|内)/,
  // "我们月底要结账", "下周三就要用": the date the customer needs it by, said the other way round.
  /(?:本周|这周|下周[一二三四五六日]?|周[一二三四五六日末]|月底|月初|月中|年底)(?:就|还|也)?(?:要|需要|必须|得)/,
  /\b(?:by|before) (?:(?:this |next )?(?:mon|tues|wednes|thurs|fri|satur|sun)day|(?:the )?end of|next|this|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*|(?:the )?\d)/,
  /\b(?:by|before) (?:our|the|your) [a-z ]{1,30}\b(?:on|this|next) (?:mon|tues|wednes|thurs|fri|satur|sun)day\b/,
];
/** A business request for the next days ("能否下周…", "can we … next Tuesday?") is medium even without "before". */
export const NEAR_FUTURE = /下周|下星期|下礼拜|明天|明早|后天|这两天|(?<!上)(?:周|星期|礼拜)[一二三四五六日天]|\b(?:next|this) week\b|\b(?:next |this |on )?(?:mon|tues|wednes|thurs|fri|satur|sun)day\b|\btomorrow\b/;
/** A date past tomorrow: "尽快" with "月中要用" or "by next Friday" is a soft deadline, not a fire. */
export const LATER_DATE =
  /下周|下星期|下礼拜|下个?月|月中|月底|月初|本周|这周|(?<!上)(?:周|星期|礼拜)[一二三四五六日天末]|\d{1,2}月\d{1,2}[日号]|\b(?:next|this) (?:week|month)\b|\bend of (?:the )?(?:week|month)\b|\b(?:mon|tues|wednes|thurs|fri|satur|sun)day\b|\bmid-(?:month|week)\b/;
/** A clause that forecasts ("预计周五到账", "ETA is Monday") tells a date, it does not ask for one. */
export const FORECAST = /预计|预期|估计|大概|应该会|将于|会在|\bexpected\b|\bestimated\b|\beta\b|\bshould (?:arrive|reach|be)\b|\bwill (?:arrive|reach|be|send|share|follow)\b|\bwe(?:'ll| will)\b/;
/** An order or proposal for a later period ("from next quarter", "明年打算") has no work due yet. */
export const PLANNING =
  /打算|等[^，。,]{0,8}确认后|先不用|暂时不用|暂不|准备(?!好)|\babout to\b|\bgoing to place\b|计划(?!表|单)|明年|下个?季度|下半年|今后|\b(?:we|we're|we are|we'd) (?:plan|planning|thinking|considering)\b|\bnext (?:year|quarter)\b|\bstarting (?:from |in )?(?:next|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)|\bfrom next (?:month|quarter|year)\b/;
/** "如果…的话", "if we order this week": a supposition, not a date anyone committed to. */
export const CONDITIONAL = /如果|假如|要是|的话|\bif\b|\bin case\b|\bunless\b/;
/** Asking what a repair or service costs: the trouble is reported for the price, not to be fixed now. */
export const FEE_QUESTION = /(?:怎么|如何)收费|收费(?:多少|标准|吗)|费用(?:多少|怎么算|是多少)|多少钱|\bhow much (?:does|will|would|is|do)\b|\bwhat (?:does|would|will) it cost\b|\b(?:charges?|fees?) for\b/;
/** A notice ("提前告知一下", "FYI", "please be advised"): information, not work to schedule. */
export const NOTICE = /查收|告知|告诉你一声|通知一下|说一声|知悉|\bfyi\b|please be advised|please note that|for your information|just to let you know|heads up|just so you know/;
/** A quantity of goods ("20吨", "12 tons", "3 pallets"): an order with one is work to schedule. */
export const QUANTITY = /\d+(?:\.\d+)?\s?(?:吨|托|包|袋|柜|公斤|(?:t|mt|tons?|tonnes?|pallets?|bags?|kg|containers?)\b)/;
/** Words that ask the reader to do something. */
export const ASKS = /[?？]|请|麻烦|能否|能不能|可否|想|希望|please|\bpls\b|\bplz\b|could you|can you|can we|could we|kindly|would like|we'd like|let's|let us|shall we/;
