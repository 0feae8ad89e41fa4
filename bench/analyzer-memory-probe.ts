// Bundled by bench/analyze.ts and run in a plain `node` process: what the analysis step holds in
// memory — the SDK clients it sends with, jieba's dictionary and the local rules after many analyses.
// Prints one JSON line: peak resident set (MB) and the first analysis' time (jieba's start).
import { BedrockRuntimeClient } from '@aws-sdk/client-bedrock-runtime';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { EventBridgeClient } from '@aws-sdk/client-eventbridge';
import { S3Client } from '@aws-sdk/client-s3';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { detectLanguage } from '../functions/analysis/local/language.js';
import { createLocalAnalyzer } from '../functions/analysis/local/local-analyzer.js';
import { peakRssMb } from './peak-rss.js';

const texts: string[] = JSON.parse(process.env.PROBE_TEXTS ?? '[]');
const rounds = Number(process.env.PROBE_ROUNDS ?? 50);
const region = 'us-east-1';
const clients = [DynamoDBDocumentClient.from(new DynamoDBClient({ region })), new BedrockRuntimeClient({ region }), new EventBridgeClient({ region }), new S3Client({ region })];
const analyzer = createLocalAnalyzer();
const analyze = (text: string, i: number) =>
  analyzer.analyze({ recordId: `PROBE-${i}`, type: 'wechat', direction: 'inbound', channel: 'wecom', text, language: detectLanguage(text), competitors: ['金发科技'], occurredAt: '2024-06-17T02:00:00Z', timeZone: 'Asia/Shanghai' });
const started = performance.now();
await analyze(texts[0] ?? '你好', 0);
const firstMs = performance.now() - started;
for (let round = 0; round < rounds; round++) for (const [i, text] of texts.entries()) await analyze(`${text} ${round}`, i);
console.log(JSON.stringify({ clients: clients.length, firstMs, peakRssMb: peakRssMb() }));
