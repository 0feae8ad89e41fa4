import { describe, expect, it } from 'vitest';
import { type LabelledRow, evaluateAnalyzer, labelledRows, missedTargets } from '../../functions/analysis/local/labelled-set.js';
import { analyzeText, defaultSegmenter, lexiconSegmenter } from '../../functions/analysis/local/local-analyzer.js';

/** Each blind set must keep meeting the A10 targets with either segmenter (jieba and the lexicon fallback). */
export function describeBlindSets(rounds: string, sets: Readonly<Record<string, readonly LabelledRow[]>>): void {
  describe(`local A10 analyzer: blind sets, ${rounds}`, () => {
    it.each(Object.entries(sets))('meets the targets on %s with either segmenter', (_name, rows) => {
      // Prepare
      const cases = labelledRows(rows);

      // Act
      const evaluations = [defaultSegmenter(), lexiconSegmenter()].map((segmenter) => evaluateAnalyzer(cases, (input) => analyzeText(input, segmenter)));

      // Assess
      expect(cases).toHaveLength(60);
      for (const evaluation of evaluations) {
        const report = evaluation.misses.map((miss) => `${miss.id} ${miss.wrong.map((w) => `${w.field}:${w.expected}→${w.predicted}`).join(' ')}`);
        expect(missedTargets(evaluation), report.join('\n')).toEqual([]);
      }
    });
  });
}
