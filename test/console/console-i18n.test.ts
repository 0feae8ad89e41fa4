import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { INSIGHT_STATUSES, INSIGHT_TYPES } from '../../functions/core/model/insight.js';
import { INTENT_CATEGORIES, RECORD_TYPES, SENTIMENTS, URGENCY_LEVELS, DIRECTIONS } from '../../functions/core/model/record-types.js';
import { COMMUNICATION_TRENDS, LIFECYCLE_STAGES, SENTIMENT_TRENDS } from '../../functions/core/insight/customer-metrics.js';
import { storedLanguage, translator } from '../../web/src/i18n/i18n.js';
import { MESSAGES } from '../../web/src/i18n/messages.js';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

async function sourceFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries.filter((e) => e.isFile() && /\.tsx?$/.test(e.name)).map((e) => join(e.parentPath, e.name));
}

describe('the console speaks Chinese and English completely', () => {
  const zh = MESSAGES['zh-CN'];
  const en = MESSAGES.en;

  it('has every key in both languages, none empty, with the same placeholders', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(zh).sort());
    for (const [key, text] of Object.entries(zh)) {
      const english = en[key as keyof typeof en];
      expect(text.trim(), key).not.toBe('');
      expect(english.trim(), key).not.toBe('');
      expect(placeholders(english), key).toEqual(placeholders(text));
    }
  });

  it("names every value the server's schemas can send: channels, directions, intents, sentiments, urgencies, insight types and statuses, stages, trends", () => {
    const needed = [
      ...RECORD_TYPES.map((v) => `channel.${v}`),
      ...DIRECTIONS.map((v) => `direction.${v}`),
      ...INTENT_CATEGORIES.map((v) => `intent.${v}`),
      ...SENTIMENTS.map((v) => `sentiment.${v}`),
      ...URGENCY_LEVELS.map((v) => `urgency.${v}`),
      ...INSIGHT_TYPES.map((v) => `insightType.${v}`),
      ...INSIGHT_STATUSES.map((v) => `insightStatus.${v}`),
      ...LIFECYCLE_STAGES.map((v) => `stage.${v}`),
      ...COMMUNICATION_TRENDS.map((v) => `trend.${v}`),
      ...SENTIMENT_TRENDS.map((v) => `sentimentTrend.${v}`),
    ];
    expect(needed.filter((key) => !(key in zh))).toEqual([]);
  });

  it('defines every key the source asks for', async () => {
    const used = new Set<string>();
    for (const file of await sourceFiles('web/src')) {
      for (const match of (await readFile(file, 'utf8')).matchAll(/\bt\('([\w.-]+)'/g)) used.add(match[1]!);
    }
    expect(used.size).toBeGreaterThan(100);
    expect([...used].filter((key) => !(key in zh))).toEqual([]);
  });

  it('fills placeholders and falls back to Chinese for an unknown stored choice', () => {
    expect(translator('zh-CN')('inbox.assignTo', { name: '宁波奥克斯' })).toBe('分配给 宁波奥克斯');
    expect(translator('en')('timeline.shown', { count: 7 })).toBe('7 communications');
    const storage = new Map<string, string>();
    const fake = { getItem: (k: string) => storage.get(k) ?? null, setItem: () => undefined, removeItem: () => undefined };
    expect(storedLanguage(fake)).toBe('zh-CN');
    storage.set('commhub.language', 'fr');
    expect(storedLanguage(fake)).toBe('zh-CN');
    storage.set('commhub.language', 'en');
    expect(storedLanguage(fake)).toBe('en');
  });
});
