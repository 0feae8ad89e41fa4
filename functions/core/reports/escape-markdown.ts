/**
 * Untrusted text as one line of inline Markdown that renders literally: Markdown punctuation is
 * backslash-escaped, and `<`, `>`, `&` become entities, because Markdown renderers pass raw HTML
 * through (CommonMark §6.6) and the report's Markdown is shown in consoles as HTML. Line breaks
 * become spaces so a value cannot end a table row or start a heading.
 */
export function escapeMarkdown(text: string): string {
  const line = text
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[\\`*_[\]|~]/g, (char) => `\\${char}`)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;');
  // At the start of a line these open a heading or a list (`# x`, `- x`, `1. x`).
  return /^(#|[-+]\s|\d+[.)]\s)/.test(line) ? `\\${line}` : line;
}
