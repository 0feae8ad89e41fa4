// Email ingestion benchmark: (a) MIME throughput of receiveEmail vs a bare S3 PutObject of the same
// bytes; (b) peak RSS growth while ingesting ONE ~25 MB message, each step in a fresh child process.
// Run: npx tsx bench/email.ts   (in-memory hub, loopback only, ~1 min)
import { deadline, inMemorySettings, printTable } from './support.js';
import { measurePeak, rssGrowth, type PeakMeasurement } from './memory.js';
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { PutObjectCommand } from '@aws-sdk/client-s3';
import MailComposer from 'nodemailer/lib/mail-composer';
import { startHub } from '../embedded/hub.js';
import { DEMO_TENANTS_FILE, EMBEDDED_NAMES } from '../embedded/hub-settings.js';
import { LOCAL_CREDENTIALS, LOCAL_REGION } from '../embedded/local-servers.js';
import { createS3Client } from '../functions/adapters/s3/s3-client.js';
import { parseEmail } from '../functions/channels/email/parse-email.js';
import type { HubDependencies } from '../functions/core/dependencies.js';
import { receiveEmail } from '../functions/core/use-cases/receive-email.js';
import { createHubDependencies } from '../functions/wiring/hub-dependencies.js';

const RUNS = 5;
const ATTACHMENTS = 3;
const ATTACHMENT_BYTES = 6 * 1024 * 1024; // 3 × 6 MiB of random bytes ≈ 24.6 MiB of base64
const RECIPIENT = 'sales@demo-materials.cn'; // tenant T001's inbound address (embedded/tenants.demo.json)
const MB = 1e6;
const STEPS = ['receive', 'parse', 'archive', 'attachments', 'receive-remote'] as const;
type Step = (typeof STEPS)[number];
const BODY = '张经理您好：\n附件是本季度 PCR-ABS 1000 的报价单、检测报告和合同草稿，含税 18,500 元/吨，50 吨起订，交期下周三。请查收并回复确认，谢谢！\n'.repeat(400);

/** A realistic ~25 MB multipart message (Chinese text + `attachments` random binary files), distinct per `n`. */
function composeMessage(n: number, attachments = ATTACHMENTS, bytes = ATTACHMENT_BYTES): Promise<Buffer> {
  const files = ['报价单.pdf', '检测报告.pdf', '合同草稿.docx'];
  return new MailComposer({
    from: '王工 <wang.gong@auxgroup.com>',
    to: `销售部 <${RECIPIENT}>`,
    subject: `PCR-ABS 报价与合同（第 ${n} 版）`,
    messageId: `<bench-${n}-${randomBytes(6).toString('hex')}@auxgroup.com>`,
    date: new Date(),
    text: BODY,
    attachments: Array.from({ length: attachments }, (_, i) => ({ filename: `${i + 1}-${files[i % files.length]}`, content: randomBytes(bytes), contentType: 'application/octet-stream' })),
  })
    .compile()
    .build();
}

const ingest = async (deps: HubDependencies, mime: Buffer, attachments: number) => {
  const [delivery, ...more] = await receiveEmail(deps, { mime, recipients: [RECIPIENT], receivedAt: new Date() });
  if (!delivery || more.length > 0 || delivery.duplicate || delivery.attachments !== attachments) throw new Error(`unexpected delivery: ${JSON.stringify([delivery, ...more])}`);
};

interface StepResult extends PeakMeasurement {
  readonly step: Step;
  readonly size: number;
}

/** Child process (fresh heap): one step of one 25 MB ingestion, memory sampled every 5 ms; prints a JSON line. */
async function memoryChild(step: Step, endpoints?: { s3: string; dynamodb: string }): Promise<void> {
  deadline(90);
  // 'receive-remote': the hub's ports wired to the parent's S3/DynamoDB servers, as a Lambda talks to AWS.
  const hub = endpoints ? undefined : await startHub(inMemorySettings());
  const deps =
    hub?.deps ??
    createHubDependencies({ ...EMBEDDED_NAMES, region: LOCAL_REGION, credentials: LOCAL_CREDENTIALS, endpoints, cursorKey: { literal: 'bench' }, tenantSettings: { file: DEMO_TENANTS_FILE } });
  try {
    await ingest(deps, await composeMessage(0, 1, 64 * 1024), 1); // warm-up: lazy clients, pools and JIT outside the measurement
    const mime = await composeMessage(1);
    const parsed = step === 'attachments' ? await parseEmail(mime) : undefined; // decoded attachments exist before the baseline
    const measured = await measurePeak(async () => {
      if (step === 'receive' || step === 'receive-remote') await ingest(deps, mime, ATTACHMENTS);
      if (step === 'parse') await parseEmail(mime);
      if (step === 'archive') await deps.blobs.archiveRaw({ tenantId: 'T001', channel: 'email', receivedAt: new Date().toISOString(), body: mime, contentType: 'message/rfc822' });
      for (const attachment of parsed?.attachments ?? []) await deps.blobs.putAttachment('T001', attachment.content, attachment.contentType);
    });
    const result: StepResult = { step, size: mime.length, ...measured };
    process.stdout.write(`${JSON.stringify(result)}\n`);
  } finally {
    await hub?.close();
  }
}

function runChild(step: Step, servers: { s3Endpoint: string; dynamodbEndpoint: string }): Promise<StepResult> {
  const args = [fileURLToPath(import.meta.url), '--memory-child', step, ...(step === 'receive-remote' ? [servers.s3Endpoint, servers.dynamodbEndpoint] : [])];
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--expose-gc', '--import', 'tsx', ...args], { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.once('error', reject).once('exit', (code) => {
      const line = out.trim().split('\n').pop() ?? '';
      if (code !== 0 || !line.startsWith('{')) reject(new Error(`memory child "${step}" exited ${code}: ${out.slice(-500)}`));
      else resolve(JSON.parse(line) as StepResult);
    });
  });
}

async function main(): Promise<void> {
  deadline(170);
  const hub = await startHub(inMemorySettings());
  const s3 = createS3Client({ region: LOCAL_REGION, endpoint: hub.servers.s3Endpoint, credentials: LOCAL_CREDENTIALS });
  let bytes = 0;
  let ingestSeconds = 0;
  let putSeconds = 0;
  let parseSeconds = 0;
  const results: StepResult[] = [];
  try {
    // (a) throughput: RUNS distinct messages (own Message-ID and attachment bytes, so nothing dedups),
    // each preceded by the baseline: one PutObject of the same bytes into the raw archive bucket.
    const put = (mime: Buffer, key: string) => s3.send(new PutObjectCommand({ Bucket: hub.settings.rawArchiveBucket, Key: key, Body: mime, ContentType: 'message/rfc822' }));
    const warm = await composeMessage(0, 1, 256 * 1024);
    await put(warm, 'bench/email-baseline/warm-up');
    await ingest(hub.deps, warm, 1);
    for (let i = 1; i <= RUNS; i++) {
      const mime = await composeMessage(i);
      let t = performance.now();
      await put(mime, `bench/email-baseline/${i}`);
      putSeconds += (performance.now() - t) / 1000;
      t = performance.now();
      await ingest(hub.deps, mime, ATTACHMENTS);
      ingestSeconds += (performance.now() - t) / 1000;
      t = performance.now();
      await parseEmail(mime); // the parse alone, again, to show its share
      parseSeconds += (performance.now() - t) / 1000;
      bytes += mime.length;
    }
    // (b) peak RSS growth, one fresh process per step; 'receive-remote' uses this process's servers.
    for (const step of STEPS) results.push(await runChild(step, hub.servers));
  } finally {
    s3.destroy();
    await hub.close();
  }
  const ingestRate = bytes / MB / ingestSeconds;
  const putRate = bytes / MB / putSeconds;
  console.log(`\n(a) ${RUNS} distinct messages of ${(bytes / RUNS / MB).toFixed(1)} MB (text + ${ATTACHMENTS} × ${ATTACHMENT_BYTES / 2 ** 20} MiB attachments), one at a time`);
  printTable([
    ['arm', 'seconds', 'MB/s'],
    ['receiveEmail (parse, archive, attachments, record)', ingestSeconds.toFixed(2), ingestRate.toFixed(1)],
    ['  of which parseEmail (timed apart)', parseSeconds.toFixed(2), (bytes / MB / parseSeconds).toFixed(1)],
    ['baseline: S3 PutObject of the same bytes', putSeconds.toFixed(2), putRate.toFixed(1)],
  ]);

  const ratio = (step: Step) => {
    const r = results.find((x) => x.step === step) as StepResult;
    return rssGrowth(r) / r.size;
  };
  const label: Record<Step, string> = {
    receive: 'receiveEmail, whole (the target)',
    parse: '  step: parseEmail alone',
    archive: '  step: blobs.archiveRaw (S3 put of the MIME)',
    attachments: '  step: blobs.putAttachment × 3 (decoded)',
    'receive-remote': 'receiveEmail, S3/DynamoDB in another process',
  };
  const size = results[0]?.size ?? 0;
  console.log(`\n(b) peak memory while ingesting one ${(size / MB).toFixed(1)} MB message, each row a fresh process with the hub in it (baseline after building the message and gc; peak = max(5 ms samples, VmHWM))`);
  printTable([
    ['what', 'base RSS MB', 'peak RSS MB', 'growth MB', 'growth / size', 'buffers +MB', 'heap +MB', 's'],
    ...results.map((r) => [
      label[r.step],
      (r.base.rss / MB).toFixed(1),
      (Math.max(r.peak.rss, r.hwm ?? 0) / MB).toFixed(1),
      (rssGrowth(r) / MB).toFixed(1),
      (rssGrowth(r) / r.size).toFixed(2),
      ((r.peak.arrayBuffers - r.base.arrayBuffers) / MB).toFixed(1),
      ((r.peak.heapUsed - r.base.heapUsed) / MB).toFixed(1),
      r.seconds.toFixed(2),
    ]),
  ]);
  console.log(
    `\nmessage-sized copies beyond the input: ≈ ${ratio('receive').toFixed(1)} in all = parsing ≈ ${ratio('parse').toFixed(1)} + raw-archive put ≈ ${ratio('archive').toFixed(1)} ` +
      `(≈ ${(ratio('receive') - ratio('receive-remote')).toFixed(1)} of it the in-process S3 server receiving the upload: gone with S3 in another process) + attachment puts ≈ ${ratio('attachments').toFixed(1)} (they reuse pages the parse freed)`,
  );
  console.log(`email_s3_put_mb_per_s=${putRate.toFixed(1)} (baseline)`);
  console.log(`email_ingest_mb_per_s=${ingestRate.toFixed(1)} (ratio to baseline ${(ingestRate / putRate).toFixed(2)})`);
  console.log(`bench: email_peak_rss_growth_ratio=${ratio('receive').toFixed(2)} (target <= 3.0)`);
}

const [, , mode, step, s3, dynamodb] = process.argv;
if (mode === '--memory-child') await memoryChild(step as Step, s3 && dynamodb ? { s3, dynamodb } : undefined);
else await main();
