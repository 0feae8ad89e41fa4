const CJK = /[\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff00-\uffef]/gu;

/**
 * A prompt's size in tokens, estimated before a model call: CJK characters count about one token
 * each, other text about four characters per token (the usual rule of thumb for BPE tokenizers).
 * The model's own count comes back in the response's `usage`; this is for budgeting and benches.
 */
export function estimateTokens(text: string): number {
  const cjk = text.match(CJK)?.length ?? 0;
  return Math.ceil(cjk + (text.length - cjk) / 4);
}
