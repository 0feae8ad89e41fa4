import { describe, expect, it } from 'vitest';
import { unavailableTranscriber } from '../../functions/adapters/transcribe/unavailable-transcriber.js';
import type { Transcriber } from '../../functions/core/ports/transcriber.js';
import type { AnalysisResult } from '../../functions/core/ports/analyzer.js';
import { MODEL_MIN_TEXT_TOKENS, modelSkipReason, TIERED_MAX_CHARS } from '../../functions/core/workflow/model-policy.js';
import { failureReasonOf } from '../../functions/core/workflow/mark-analysis-failed.js';
import { toAnalysis } from '../../functions/core/workflow/to-analysis.js';
import { workflowKindFor } from '../../functions/core/workflow/workflow-kind.js';
import { storedRecord } from '../support/records.js';

const local = (confidence: number): AnalysisResult => ({
  model: 'local',
  modelCalls: 0,
  explanation: ['intent:inquiry ← 报价(+3)', 'sentiment:neutral(0) ← no sentiment cues', 'urgency:low ← no time pressure', 'facts:products=0', 'segmenter:jieba'],
  output: {
    intent: { category: 'inquiry', detail: '询价', confidence },
    key_info: { products: [], price: null, quantity: null, timeline: null, competitors: [] },
    sentiment: { overall: 'neutral', score: 0, mood: 'calm' },
    urgency: { level: 'low', reason: 'no time pressure' },
    follow_up: [],
    quality_score: 7,
    suggestions: [],
  },
});

describe('record workflow rules', () => {
  it('reads the reason out of a Lambda error (JSON Cause) and out of the interpreter (plain Cause)', () => {
    expect(failureReasonOf({ Error: 'ModelThrottled', Cause: JSON.stringify({ errorType: 'ModelThrottled', errorMessage: 'Rate exceeded', trace: [] }) })).toBe('ModelThrottled: Rate exceeded');
    expect(failureReasonOf({ Error: 'States.Timeout', Cause: 'Task timed out' })).toBe('States.Timeout: Task timed out');
    expect(failureReasonOf(undefined)).toBe('Unknown: ');
  });

  it('asks the model unless the text is too short, or the rules are sure of a short text (tiered)', () => {
    expect(modelSkipReason('好的', local(0.5), 'always')).toMatch(/shorter than/);
    expect(modelSkipReason('x'.repeat(MODEL_MIN_TEXT_TOKENS * 4), local(0.95), 'always')).toBeUndefined();
    // Measured in tokens, so a pleasantry is held back in either script and a sentence is not.
    expect(modelSkipReason('Noted, will check. Thanks!', local(0.5), 'always')).toMatch(/shorter than 12 tokens/);
    expect(modelSkipReason('好的，我跟领导确认一下', local(0.5), 'always')).toMatch(/shorter than 12 tokens/);
    expect(modelSkipReason('发货又延误了，我们产线下周停工怎么办', local(0.5), 'always')).toBeUndefined();
    expect(modelSkipReason('The last shipment arrived damaged, we need a fix now.', local(0.5), 'always')).toBeUndefined();
    expect(modelSkipReason('x'.repeat(80), local(0.95), 'tiered')).toMatch(/tiered policy/);
    expect(modelSkipReason('x'.repeat(80), local(0.5), 'tiered')).toBeUndefined();
    expect(modelSkipReason('x'.repeat(TIERED_MAX_CHARS + 1), local(0.99), 'tiered')).toBeUndefined();
  });

  it('sends only a stored recording without any text to speech-to-text, and only where an engine exists', () => {
    const engine: Transcriber = { available: true, startJob: async () => undefined, getJob: async (jobName) => ({ jobName, status: 'COMPLETED' }) };
    const base = storedRecord({ tenantId: 'T001', customerId: 'C001', sourceRecordId: 'r1', occurredAt: '2024-06-17T02:00:00.000Z', type: 'mobile' });
    const audio = { ...base, recording: { storageKey: 'uploads/T001/recording/call.wav' } };
    expect(workflowKindFor(audio, engine)).toBe('media');
    expect(workflowKindFor(audio, unavailableTranscriber('none here'))).toBe('text');
    expect(workflowKindFor({ ...audio, content: 'Contact Lens transcript' }, engine)).toBe('text');
    expect(workflowKindFor({ ...audio, recording: { url: 'https://vendor.example/rec.mp3' } }, engine)).toBe('text');
    expect(workflowKindFor({ ...base, content: 'text only' }, engine)).toBe('text');
  });

  it('keeps on the record only the rules that decided intent, sentiment and urgency', () => {
    const analysis = toAnalysis(local(0.9), { followUps: [], run: 'first', analyzedAt: '2024-06-17T02:00:00.000Z' });
    expect(analysis.explanation).toEqual(['intent:inquiry ← 报价(+3)', 'sentiment:neutral(0) ← no sentiment cues', 'urgency:low ← no time pressure']);
    expect(analysis.keyInfo).toEqual({ products: [], competitors: [] });
  });
});
