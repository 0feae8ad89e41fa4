import { PutObjectCommand } from '@aws-sdk/client-s3';
import { GetTranscriptionJobCommand, StartTranscriptionJobCommand, TranscribeClient } from '@aws-sdk/client-transcribe';
import { mockClient } from 'aws-sdk-client-mock';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningHub } from '../../embedded/hub.js';
import { LOCAL_CREDENTIALS, LOCAL_REGION } from '../../embedded/local-servers.js';
import { createS3Client } from '../../functions/adapters/s3/s3-client.js';
import { createTranscribeTranscriber } from '../../functions/adapters/transcribe/transcribe-transcriber.js';
import { build as transcriptionJobState } from '../../functions/events/transcription-job-state.js';
import { startTestHub } from '../support/test-hub.js';
import { fixtureText, postCommunication, putCustomerWithOwner, settledRecord, TENANT, uploadRecording } from './workflow-kit.js';

const transcribe = mockClient(TranscribeClient);

/** Transcribe's EventBridge event, as documented (transcribe/latest/dg/monitoring-events.html). */
const jobStateChange = (jobName: string, status: 'COMPLETED' | 'FAILED', failureReason?: string) => ({
  version: '0',
  id: '1a2b3c4d-0000-4000-8000-000000000001',
  'detail-type': 'Transcribe Job State Change',
  source: 'aws.transcribe',
  account: '111122223333',
  time: '2024-06-17T02:05:00Z',
  region: 'us-east-1',
  resources: [],
  detail: { TranscriptionJobName: jobName, TranscriptionJobStatus: status, ...(failureReason ? { FailureReason: failureReason } : {}) },
});

async function waitForJob(hub: RunningHub, recordId: string): Promise<{ jobName: string; outputKey: string; mediaUri: string }> {
  for (let i = 0; i < 400; i++) {
    const call = transcribe.commandCalls(StartTranscriptionJobCommand).find((c) => c.args[0].input.Tags?.some((t) => t.Value === recordId));
    const record = await hub.deps.records.getRecord(TENANT, recordId);
    if (call && record?.transcription?.status === 'in_progress') {
      const input = call.args[0].input;
      return { jobName: input.TranscriptionJobName!, outputKey: input.OutputKey!, mediaUri: input.Media!.MediaFileUri! };
    }
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error('the transcription job was never started');
}

describe('record workflow for a recording that needs speech-to-text (Transcribe mocked at the SDK boundary)', () => {
  let hub: RunningHub;
  beforeAll(async () => {
    transcribe.reset();
    hub = await startTestHub(
      { workflowRetryIntervalMs: 0 },
      {
        workflowOverrides: {
          transcriber: createTranscribeTranscriber({ client: new TranscribeClient({ region: 'us-east-1' }), mediaBucket: 'commhub-blobs', outputBucket: 'commhub-blobs' }),
        },
      },
    );
    await putCustomerWithOwner(hub);
  });
  afterAll(() => hub.close());

  it('waits on the task token, resumes on the job-state event, stores the speaker transcript and analyses it', async () => {
    // Prepare
    transcribe.on(StartTranscriptionJobCommand).resolves({});
    const storageKey = await uploadRecording(hub, Buffer.from('RIFF....WAVEfmt '), 'call.wav', 'audio/wav');

    // Act: the record starts the Standard workflow, which starts a job and waits
    const recordId = await postCommunication(hub, { type: 'mobile', subject: 'Call about the late shipment', recording: { storageKey, format: 'wav' } });
    const job = await waitForJob(hub, recordId);

    // Assess: the exact job, and the execution is waiting
    expect(job.mediaUri).toBe(`s3://commhub-blobs/${storageKey}`);
    const waiting = hub.workflows.engine.history.find((e) => e.input.recordId === recordId)!;
    expect(waiting).toMatchObject({ machine: 'recordTranscription', status: 'RUNNING' });

    // Act: Transcribe writes its output and announces the job's end
    const output = await fixtureText('transcribe/transcribe-batch-speaker-labels.docs.json');
    const s3 = createS3Client({ region: LOCAL_REGION, endpoint: hub.servers.s3Endpoint, credentials: LOCAL_CREDENTIALS });
    await s3.send(new PutObjectCommand({ Bucket: 'commhub-blobs', Key: job.outputKey, Body: output, ContentType: 'application/json' }));
    transcribe.on(GetTranscriptionJobCommand).resolves({
      TranscriptionJob: {
        TranscriptionJobName: job.jobName,
        TranscriptionJobStatus: 'COMPLETED',
        LanguageCode: 'en-US',
        Transcript: { TranscriptFileUri: `https://s3.us-east-1.amazonaws.com/commhub-blobs/${job.outputKey}` },
      },
    });
    const resumed = await transcriptionJobState(hub.workflows.deps)(jobStateChange(job.jobName, 'COMPLETED'));
    const record = await settledRecord(hub, recordId);

    // Assess
    expect(resumed).toEqual({ resumed: true });
    expect(record.transcription).toMatchObject({ status: 'completed', source: 'transcribe', jobName: job.jobName, mediaKey: storageKey, speakers: 2 });
    expect(record.content).toMatch(/^\[00:00:0\d\] Speaker 1: I've been on hold for an hour\./m);
    expect(record.analysis.status).toBe('completed');
    const runs = hub.workflows.engine.history.filter((e) => e.input.recordId === recordId).map((e) => [e.machine, e.status]);
    expect(runs).toEqual([
      ['recordTranscription', 'SUCCEEDED'],
      ['recordAnalysis', 'SUCCEEDED'],
    ]);
  });

  it('records a failed job and still analyses whatever text exists', async () => {
    // Prepare
    transcribe.on(StartTranscriptionJobCommand).resolves({});
    const storageKey = await uploadRecording(hub, Buffer.from('not audio at all'), 'visit.m4a', 'audio/mp4');
    const recordId = await postCommunication(hub, { type: 'mobile', subject: '拜访回访：确认7月交期', recording: { storageKey, format: 'm4a' } });
    const job = await waitForJob(hub, recordId);

    // Act
    await transcriptionJobState(hub.workflows.deps)(jobStateChange(job.jobName, 'FAILED', 'The media format provided does not match the detected media format.'));
    const record = await settledRecord(hub, recordId);

    // Assess
    expect(record.transcription).toMatchObject({ status: 'failed' });
    expect(record.transcription?.reason).toContain('does not match the detected media format');
    expect(record.analysis.status).toBe('completed');
  });

  it('ignores job events of jobs the hub did not start, and events that are not Transcribe job changes', async () => {
    const handler = transcriptionJobState(hub.workflows.deps);
    expect(await handler(jobStateChange('someone-elses-job', 'COMPLETED'))).toEqual({ resumed: false });
    expect(await handler({ source: 'aws.s3', detail: {} })).toEqual({ resumed: false });
  });
});
