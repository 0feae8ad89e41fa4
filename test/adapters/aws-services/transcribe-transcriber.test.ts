import {
  BadRequestException,
  ConflictException,
  GetTranscriptionJobCommand,
  StartTranscriptionJobCommand,
  TranscribeClient,
  type GetTranscriptionJobResponse,
} from '@aws-sdk/client-transcribe';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { createTranscribeTranscriber } from '../../../functions/adapters/transcribe/transcribe-transcriber.js';
import { transcriptionJobName } from '../../../functions/core/workflow/transcription-job-name.js';
import type { TranscriptionJobRequest } from '../../../functions/core/ports/transcriber.js';

const transcribe = mockClient(TranscribeClient);
const client = new TranscribeClient({ region: 'cn-north-1' });
const buckets = { mediaBucket: 'commhub-blobs', outputBucket: 'commhub-transcripts' };

const request: TranscriptionJobRequest = {
  jobName: transcriptionJobName('T001', 'CALL-20240615-8ZQ4J1W6N0R2T5X7C9V3B6M1'),
  tenantId: 'T001',
  recordId: 'CALL-20240615-8ZQ4J1W6N0R2T5X7C9V3B6M1',
  mediaKey: 'attachments/T001/3f/3f2a9c.mp3',
  outputKey: 'transcripts/T001/CALL-20240615-8ZQ4J1W6N0R2T5X7C9V3B6M1/transcribe.json',
  channelIdentification: false,
  redactPii: false,
};

const startInput = () => transcribe.commandCalls(StartTranscriptionJobCommand)[0]?.args[0].input;

beforeEach(() => {
  transcribe.reset();
});

describe('Transcribe transcriber: startJob', () => {
  it('starts a language-identification job with speaker labels, the output location and tenant tags', async () => {
    // Prepare
    transcribe.on(StartTranscriptionJobCommand).resolves({});
    const transcriber = createTranscribeTranscriber({ client, ...buckets });

    // Act
    await transcriber.startJob(request);

    // Assess
    expect(transcriber.available).toBe(true);
    expect(startInput()).toEqual({
      TranscriptionJobName: request.jobName,
      Media: { MediaFileUri: 's3://commhub-blobs/attachments/T001/3f/3f2a9c.mp3' },
      MediaFormat: 'mp3',
      IdentifyLanguage: true,
      LanguageOptions: ['zh-CN', 'en-US'],
      OutputBucketName: 'commhub-transcripts',
      OutputKey: 'transcripts/T001/CALL-20240615-8ZQ4J1W6N0R2T5X7C9V3B6M1/transcribe.json',
      Settings: { ShowSpeakerLabels: true, MaxSpeakerLabels: 4 },
      Tags: [
        { Key: 'tenantId', Value: 'T001' },
        { Key: 'recordId', Value: 'CALL-20240615-8ZQ4J1W6N0R2T5X7C9V3B6M1' },
      ],
    });
  });

  it('asks Transcribe to redact when the job language is fixed and redaction-capable, with channel identification', async () => {
    // Prepare
    transcribe.on(StartTranscriptionJobCommand).resolves({});
    const transcriber = createTranscribeTranscriber({ client, ...buckets, languageOptions: ['en-US'], maxSpeakers: 6 });

    // Act
    await transcriber.startJob({ ...request, mediaKey: 'uploads/T001/call.WAV', channelIdentification: true, redactPii: true });

    // Assess
    expect(startInput()).toEqual({
      TranscriptionJobName: request.jobName,
      Media: { MediaFileUri: 's3://commhub-blobs/uploads/T001/call.WAV' },
      MediaFormat: 'wav',
      LanguageCode: 'en-US',
      OutputBucketName: 'commhub-transcripts',
      OutputKey: request.outputKey,
      Settings: { ChannelIdentification: true },
      ContentRedaction: { RedactionType: 'PII', RedactionOutput: 'redacted' },
      Tags: [
        { Key: 'tenantId', Value: 'T001' },
        { Key: 'recordId', Value: request.recordId },
      ],
    });
  });

  it.each([
    ['the job identifies its language (redaction is not compatible with it)', ['zh-CN', 'en-US', 'en-GB'], { IdentifyLanguage: true, LanguageOptions: ['zh-CN', 'en-US', 'en-GB'] }],
    ['the fixed language cannot be redacted by Transcribe (zh-CN)', ['zh-CN'], { LanguageCode: 'zh-CN' }],
  ])('leaves redaction to the hub when %s: Transcribe would fail the job', async (_case, languageOptions, language) => {
    // Prepare
    transcribe.on(StartTranscriptionJobCommand).resolves({});
    const transcriber = createTranscribeTranscriber({ client, ...buckets, languageOptions });

    // Act
    await transcriber.startJob({ ...request, redactPii: true });

    // Assess
    expect(startInput()).toMatchObject(language);
    expect(startInput()).not.toHaveProperty('ContentRedaction');
    expect('IdentifyLanguage' in (startInput() ?? {})).toBe(languageOptions.length > 1);
  });

  it.each([
    ['attachments/T001/ab/abcdef', undefined],
    ['uploads/T001/meeting.m4a', 'm4a'],
    ['uploads/T001/voice.amr', 'amr'],
    ['uploads/T001/clip.webm', 'webm'],
    ['uploads/T001/clip.mov', undefined],
  ])('derives MediaFormat of %s as %s', async (mediaKey, format) => {
    // Prepare
    transcribe.on(StartTranscriptionJobCommand).resolves({});
    const transcriber = createTranscribeTranscriber({ client, ...buckets });

    // Act
    await transcriber.startJob({ ...request, mediaKey });

    // Assess
    expect(startInput()?.MediaFormat).toBe(format);
    expect(Object.keys(startInput() ?? {}).includes('MediaFormat')).toBe(format !== undefined);
  });

  it('treats ConflictException (the job name exists: a retried start) as done', async () => {
    // Prepare
    transcribe.on(StartTranscriptionJobCommand).rejects(new ConflictException({ message: 'The requested job name already exists.', $metadata: {} }));
    const transcriber = createTranscribeTranscriber({ client, ...buckets });

    // Act
    const started = transcriber.startJob(request);

    // Assess
    await expect(started).resolves.toBeUndefined();
  });

  it('passes other errors on', async () => {
    // Prepare
    transcribe.on(StartTranscriptionJobCommand).rejects(new BadRequestException({ message: 'Unsupported media', $metadata: {} }));
    const transcriber = createTranscribeTranscriber({ client, ...buckets });

    // Act
    const started = transcriber.startJob(request);

    // Assess
    await expect(started).rejects.toThrow(BadRequestException);
  });

  it('fails fast on a language code or speaker count Transcribe would refuse', () => {
    // Prepare / Act / Assess
    expect(() => createTranscribeTranscriber({ client, ...buckets, languageOptions: ['zh-cn'] })).toThrow(/languageOptions: zh-cn/);
    expect(() => createTranscribeTranscriber({ client, ...buckets, languageOptions: [] })).toThrow(/languageOptions/);
    expect(() => createTranscribeTranscriber({ client, ...buckets, maxSpeakers: 31 })).toThrow(/maxSpeakers/);
  });
});

describe('Transcribe transcriber: getJob', () => {
  const jobName = request.jobName;
  /** Shaped after the GetTranscriptionJob API reference's response. */
  const completed: GetTranscriptionJobResponse = {
    TranscriptionJob: {
      TranscriptionJobName: jobName,
      TranscriptionJobStatus: 'COMPLETED',
      LanguageCode: 'zh-CN',
      MediaSampleRateHertz: 8000,
      MediaFormat: 'mp3',
      Media: { MediaFileUri: 's3://commhub-blobs/attachments/T001/3f/3f2a9c.mp3' },
      Transcript: {
        TranscriptFileUri: `https://s3.cn-north-1.amazonaws.com.cn/commhub-transcripts/transcripts/T001/${request.recordId}/transcribe.json`,
      },
      StartTime: new Date('2024-06-15T02:31:00.000Z'),
      CreationTime: new Date('2024-06-15T02:30:58.000Z'),
      CompletionTime: new Date('2024-06-15T02:32:41.000Z'),
      Settings: { ShowSpeakerLabels: true, MaxSpeakerLabels: 4, ChannelIdentification: false, ShowAlternatives: false },
      IdentifyLanguage: true,
      LanguageOptions: ['zh-CN', 'en-US'],
      IdentifiedLanguageScore: 0.9731,
      LanguageCodes: [{ LanguageCode: 'zh-CN', DurationInSeconds: 98.4 }],
      Tags: [
        { Key: 'tenantId', Value: 'T001' },
        { Key: 'recordId', Value: request.recordId },
      ],
    },
  };

  it('maps a completed job: status, identified language and the output key parsed from the S3 URL', async () => {
    // Prepare
    transcribe.on(GetTranscriptionJobCommand).resolves(completed);
    const transcriber = createTranscribeTranscriber({ client, ...buckets });

    // Act
    const status = await transcriber.getJob(jobName);

    // Assess
    expect(transcribe.commandCalls(GetTranscriptionJobCommand)[0]?.args[0].input).toEqual({ TranscriptionJobName: jobName });
    expect(status).toEqual({ jobName, status: 'COMPLETED', languageCode: 'zh-CN', outputKey: `transcripts/T001/${request.recordId}/transcribe.json` });
  });

  it('reports the redacted transcript when there is one, decoding the URL path', async () => {
    // Prepare
    transcribe.on(GetTranscriptionJobCommand).resolves({
      TranscriptionJob: {
        ...completed.TranscriptionJob,
        LanguageCode: 'en-US',
        Transcript: {
          TranscriptFileUri: 'https://s3.us-east-1.amazonaws.com/commhub-transcripts/transcripts/T001/a%20b/transcribe.json',
          RedactedTranscriptFileUri: 'https://s3.us-east-1.amazonaws.com/commhub-transcripts/transcripts/T001/a%20b/redacted-transcribe.json',
        },
      },
    });
    const transcriber = createTranscribeTranscriber({ client, ...buckets });

    // Act
    const status = await transcriber.getJob(jobName);

    // Assess
    expect(status.outputKey).toBe('transcripts/T001/a b/redacted-transcribe.json');
  });

  it('maps a failed job with its reason and no output', async () => {
    // Prepare
    transcribe.on(GetTranscriptionJobCommand).resolves({
      TranscriptionJob: {
        TranscriptionJobName: jobName,
        TranscriptionJobStatus: 'FAILED',
        FailureReason: 'The media format that you specified doesn\'t match the detected media format. Check the media format and try your request again.',
        Media: { MediaFileUri: 's3://commhub-blobs/attachments/T001/3f/3f2a9c.mp3' },
        Transcript: {},
        CreationTime: new Date('2024-06-15T02:30:58.000Z'),
      },
    });
    const transcriber = createTranscribeTranscriber({ client, ...buckets });

    // Act
    const status = await transcriber.getJob(jobName);

    // Assess
    expect(status).toEqual({
      jobName,
      status: 'FAILED',
      failureReason: "The media format that you specified doesn't match the detected media format. Check the media format and try your request again.",
    });
  });

  it('maps a job still in progress', async () => {
    // Prepare
    transcribe.on(GetTranscriptionJobCommand).resolves({ TranscriptionJob: { TranscriptionJobName: jobName, TranscriptionJobStatus: 'IN_PROGRESS' } });
    const transcriber = createTranscribeTranscriber({ client, ...buckets });

    // Act
    const status = await transcriber.getJob(jobName);

    // Assess
    expect(status).toEqual({ jobName, status: 'IN_PROGRESS' });
  });
});
