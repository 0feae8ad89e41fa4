// Shared by the local rules of A10 (local/) and of A11–A14 (agents/): a customer agent's bundle takes it
// without A10's lexicons.
/**
 * Cuts `text` to the schema's `max` UTF-16 units (zod counts `.length`), ending with `…` when cut
 * and never leaving half an emoji behind.
 */
export function clip(text: string, max: number): string {
  if (text.length <= max) return text;
  let end = max - 1;
  const last = text.charCodeAt(end - 1);
  if (last >= 0xd800 && last <= 0xdbff) end -= 1;
  return `${text.slice(0, end)}…`;
}
