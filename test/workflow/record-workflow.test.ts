import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningHub } from '../../embedded/hub.js';
import { EMBEDDED_NO_SPEECH_ENGINE } from '../../embedded/workflows/embedded-workflows.js';
import { followUpTaskId } from '../../functions/core/workflow/follow-up-tasks.js';
import { urgentAlertId } from '../../functions/core/workflow/urgent-alert.js';
import { startTestHub } from '../support/test-hub.js';
import { demoTenantsWith, fixtureText, postCommunication, putCustomerWithOwner, settledRecord, TENANT, uploadRecording } from './workflow-kit.js';

describe('record workflow in embedded mode (real ASL, local analyzer, local servers)', () => {
  let hub: RunningHub;
  beforeAll(async () => {
    hub = await startTestHub({ workflowRetryIntervalMs: 0 });
    await putCustomerWithOwner(hub);
  });
  afterAll(() => hub.close());

  it('analyses a text record: intent, key facts, follow-up tasks for the owner, events for integrators', async () => {
    // Prepare / Act
    const recordId = await postCommunication(hub, { content: '张经理您好，我们下个月需要PCR-ABS-1000大约50吨，麻烦报个含税价，最好本周内回复。' });
    const record = await settledRecord(hub, recordId);

    // Assess
    expect(record.analysis).toMatchObject({ status: 'completed', model: 'local', intent: { category: 'inquiry' }, run: 'first' });
    expect(record.analysis.keyInfo?.products).toContain('PCR-ABS-1000');
    expect(record.analysis.keyInfo?.quantity).toMatch(/50\s*吨/);
    expect(record.analysis.followUps.length).toBeGreaterThan(0);
    const task = await hub.deps.workItems.getTask(TENANT, followUpTaskId(recordId, 0));
    expect(task).toMatchObject({ assignee: 'li.wei@demo-materials.cn', status: 'open', customerId: 'C001', recordId });
    const events = await hub.workflows.eventLog.read();
    const mine = events.filter((event) => event.recordId === recordId).map((event) => event.type);
    expect(mine).toEqual(['communication.ingested', 'communication.analyzed']);
    const executions = hub.workflows.engine.history.filter((execution) => execution.input.recordId === recordId);
    expect(executions.map((execution) => [execution.machine, execution.status])).toEqual([['recordAnalysis', 'SUCCEEDED']]);
  });

  it('raises one urgent alert and one email for an urgent record, however often it is delivered', async () => {
    // Prepare
    const body = { sourceRecordId: `urgent-${Date.now()}`, content: '货车今天下午到不了了吗？我们产线明天早上就要用料，再不到就要停线了！' };

    // Act: three deliveries at once
    const ids = await Promise.all([0, 1, 2].map(() => postCommunication(hub, body).catch(() => null)));
    const recordId = ids.find((id) => id !== null)!;
    const record = await settledRecord(hub, recordId);

    // Assess
    expect(record.analysis.urgency?.level).toBe('high');
    expect(record.analysis.alertInsightId).toBe(urgentAlertId(recordId));
    const alert = await hub.deps.workItems.getInsight(TENANT, urgentAlertId(recordId));
    expect(alert).toMatchObject({ type: 'risk', importance: 'high', status: 'new', customerId: 'C001', relatedRecordIds: [recordId] });
    const mails = await Promise.all((await readdir(hub.outboxDir)).map((name) => readFile(join(hub.outboxDir, name), 'utf8')));
    const forThisRecord = mails.filter((mail) => mail.includes(recordId));
    expect(forThisRecord).toHaveLength(1);
    expect(forThisRecord[0]).toMatch(/^To: .*li\.wei@demo-materials\.cn/m);
  });

  it('uses a provided WebVTT transcript instead of speech-to-text', async () => {
    // Prepare
    const vtt = await fixtureText('meetings/graph-calltranscript-content.docs.vtt');
    const storageKey = await uploadRecording(hub, Buffer.from('not really audio'), 'meeting.mp4', 'video/mp4');

    // Act
    const recordId = await postCommunication(hub, {
      type: 'meeting',
      recording: { storageKey, format: 'mp4' },
      attachments: [{ fileName: 'transcript.vtt', contentType: 'text/vtt', contentBase64: Buffer.from(vtt).toString('base64') }],
    });
    const record = await settledRecord(hub, recordId);

    // Assess
    expect(record.transcription).toMatchObject({ status: 'provided', source: 'vtt', mediaKey: storageKey });
    expect(record.content).toMatch(/\[\d\d:\d\d:\d\d\]/);
    expect(record.analysis.status).toBe('completed');
    expect(hub.workflows.engine.history.filter((e) => e.input.recordId === recordId).map((e) => e.machine)).toEqual(['recordAnalysis']);
  });

  it('marks an audio-only record "transcription unavailable" with the reason and still analyses what text exists', async () => {
    // Prepare
    const storageKey = await uploadRecording(hub, Buffer.from('RIFF....WAVE'), 'call.wav', 'audio/wav');

    // Act
    const recordId = await postCommunication(hub, { type: 'mobile', subject: '回访 宁波奥克斯 报价', recording: { storageKey, format: 'wav' } });
    const record = await settledRecord(hub, recordId);

    // Assess
    expect(record.transcription).toMatchObject({ status: 'unavailable', reason: EMBEDDED_NO_SPEECH_ENGINE, mediaKey: storageKey });
    expect(record.analysis.status).toBe('completed');
  });
});

describe('a tenant that opts into redacting stored content', () => {
  let hub: RunningHub;
  beforeAll(async () => {
    hub = await startTestHub({ workflowRetryIntervalMs: 0, tenantsFile: await demoTenantsWith({ redactStoredContent: true }) });
  });
  afterAll(() => hub.close());

  it('masks ID, card and phone numbers and emails in the stored body too; other digits stay', async () => {
    // Act
    const recordId = await postCommunication(hub, {
      subject: '开票信息 13800138000',
      content: '请开票：订单PO-20240617-88，身份证11010519491231002X，卡号4111 1111 1111 1111，邮箱 buyer@aux-ningbo.com，电话 0574-87654321。',
    });
    const record = await settledRecord(hub, recordId);

    // Assess
    expect(record.content).toContain('PO-20240617-88');
    expect(record.content).toMatch(/\[ID_CARD_1\].*\[BANK_CARD_1\].*\[EMAIL_1\].*\[LANDLINE_1\]/);
    expect(record.content).not.toMatch(/11010519491231002X|4111 1111|buyer@|87654321/);
    expect(record.subject).toBe('开票信息 [MOBILE_1]');
  });
});
