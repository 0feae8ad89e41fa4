import { A10Output, type A10Input } from '../../core/agents/a10-communication-analysis.js';
import type { AnalysisResult, CommunicationAnalyzer } from '../../core/ports/analyzer.js';
import { prepareText } from './analysis-text.js';
import { chineseWords } from './cue-lexicon.js';
import { suggestFollowUps } from './follow-ups.js';
import { classifyIntent, describeIntent, explainIntent } from './intent-rules.js';
import { INTENT_LEXICON } from './intent-lexicon.js';
import { extractKeyFacts } from './key-facts.js';
import { scoreQuality, suggestImprovements } from './quality.js';
import { createLexiconSegmenter, resolveSegmenter, type Segmenter } from './segmenter.js';
import { SENTIMENT_LEXICON } from './sentiment-lexicon.js';
import { explainSentiment, judgeSentiment, moodFor, SENTIMENT_MODIFIERS, sentimentInContext } from './sentiment-rules.js';
import { URGENCY_LEXICON } from './urgency-lexicon.js';
import { explainUrgency, judgeUrgency } from './urgency-rules.js';

/** A10's answer from the rules, and the rules that fired. */
export interface LocalAnalysis {
  readonly output: A10Output;
  readonly explanation: readonly string[];
}

export interface LocalAnalyzerOptions {
  /**
   * The Chinese word segmenter.
   * @default jieba when its native binary loads, else {@link lexiconSegmenter}
   */
  readonly segmenter?: Segmenter;
}

const NO_TEXT = 'no text to analyse';

let fallback: Segmenter | undefined;

/** The segmenter that needs no native code: forward maximum matching over the analyzer's own cues. */
export function lexiconSegmenter(): Segmenter {
  fallback ??= createLexiconSegmenter([
    ...chineseWords(INTENT_LEXICON),
    ...chineseWords(SENTIMENT_LEXICON),
    ...chineseWords(URGENCY_LEXICON),
    ...SENTIMENT_MODIFIERS,
  ]);
  return fallback;
}

/** jieba if it loads in this process (tried once), else the lexicon segmenter. */
export function defaultSegmenter(): Segmenter {
  return resolveSegmenter(lexiconSegmenter);
}

/**
 * Analyses one record by rules, synchronously and deterministically (no clock, no randomness): the
 * same input always gives the same output. Reads the subject and the first 20,000 characters.
 *
 * @example
 * const { output } = analyzeText({ ...input, text: '请问PCR-ABS-1000 50吨含税价多少？', language: 'zh' });
 * output.intent.category; // 'inquiry'
 */
export function analyzeText(input: A10Input, segmenter: Segmenter = defaultSegmenter()): LocalAnalysis {
  const language = input.language;
  const body = [input.subject, input.text].filter((part) => part !== undefined && part.trim().length > 0).join('\n');
  if (body.trim().length === 0) return emptyAnalysis(segmenter);

  const text = prepareText(body, segmenter);
  const facts = extractKeyFacts(text, input.competitors);
  const heard = judgeSentiment(text);
  const intent = classifyIntent(text, heard);
  const sentiment = sentimentInContext(heard, intent.category);
  const urgency = judgeUrgency(text, intent, sentiment, language);
  const quality = scoreQuality(text, facts);
  const mood = moodFor(sentiment, {
    urgentNow: urgency.level === 'high',
    complaint: intent.category === 'complaint',
    shouting: text.exclamations > 0,
  });

  const output = A10Output.parse({
    intent: { category: intent.category, detail: describeIntent(intent, facts, language), confidence: intent.confidence },
    key_info: facts.keyInfo,
    sentiment: { overall: sentiment.overall, score: sentiment.score, mood },
    urgency: { level: urgency.level, reason: urgency.reason },
    follow_up: suggestFollowUps({ intent: intent.category, facts, urgency: urgency.level, sentiment: sentiment.overall, lower: text.lower, language }),
    quality_score: quality,
    suggestions: suggestImprovements({ intent: intent.category, facts, sentiment, urgency: urgency.level, quality, language }),
  });
  const explanation = [
    explainIntent(intent),
    explainSentiment(sentiment),
    explainUrgency(urgency),
    `facts:products=${facts.keyInfo.products.length} price=${facts.keyInfo.price !== null} quantity=${facts.keyInfo.quantity !== null} timeline=${facts.keyInfo.timeline !== null} competitors=${facts.keyInfo.competitors.length}`,
    `segmenter:${text.segmenter}`,
  ];
  return { output, explanation };
}

/**
 * A10 by rules: the embedded runtime's analyzer and the fallback when Bedrock fails.
 *
 * @example
 * const analyzer = createLocalAnalyzer();
 * const { output, model, explanation } = await analyzer.analyze(input); // model === 'local'
 */
export function createLocalAnalyzer(options: LocalAnalyzerOptions = {}): CommunicationAnalyzer {
  const segmenter = options.segmenter ?? defaultSegmenter();
  return {
    async analyze(input: A10Input): Promise<AnalysisResult> {
      const { output, explanation } = analyzeText(input, segmenter);
      return { output, model: 'local', modelCalls: 0, explanation };
    },
  };
}

function emptyAnalysis(segmenter: Segmenter): LocalAnalysis {
  const output = A10Output.parse({
    intent: { category: 'other', detail: NO_TEXT, confidence: 0 },
    key_info: { products: [], price: null, quantity: null, timeline: null, competitors: [] },
    sentiment: { overall: 'neutral', score: 0, mood: 'calm' },
    urgency: { level: 'low', reason: NO_TEXT },
    follow_up: [],
    quality_score: 1,
    suggestions: [],
  });
  return { output, explanation: [`empty: ${NO_TEXT}`, `segmenter:${segmenter.kind}`] };
}
