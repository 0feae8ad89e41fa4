import { devSetTexts } from './workflow-run.js';

/**
 * Short chat turns as they fill a B2B WeCom/web-chat stream between the substantive messages:
 * acknowledgments, confirmations, greetings, one-line questions (written for this bench, zh and en).
 */
export const CHAT_TURNS = [
  '好的', '收到，谢谢！', '好的，我跟领导确认一下', '明白', '稍等，我查一下', '已发您邮箱', '谢谢张经理', '没问题',
  '下午给您回电话', '合同已经盖章寄出了', '发票收到了，谢谢', '好的，明天见', '辛苦了', '在吗？', '方便的时候回个电话',
  '我们周一开会讨论', '样品收到了', '已付款，请查收', '收到，马上安排', '周末愉快！', 'OK, thanks!', 'Noted, will check.',
  'Thanks, received.', 'Sure, talk tomorrow.', 'Got it.', 'Sent you the file.', 'Let me check with my team.',
  'Call me when free.', 'Have a nice weekend!', 'Will confirm by EOD.', '好的，按这个来', '麻烦再发一下报价单', '货到了',
  '我晚点看', '嗯嗯',
] as const;

/**
 * The text mix priced as "representative": one substantive business message (the labelled dev set:
 * inquiries, complaints, orders, payments, deliveries, after-sales — urgent ones included) for every
 * short chat turn. The dev set alone over-represents urgent complaints (about one in five) because it is
 * balanced by label, not by frequency; both mixes are printed.
 */
export async function representativeMix(): Promise<string[]> {
  const business = await devSetTexts();
  return business.flatMap((text, i) => [text, CHAT_TURNS[i % CHAT_TURNS.length]!]);
}
