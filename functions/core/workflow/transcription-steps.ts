import { HUB_METRICS } from '../../config/hub-metrics.js';
import { parseTranscribeOutput, renderSpeakerTranscript } from '../../channels/transcripts/transcribe-output.js';
import type { RecordRef } from './analyze-record.js';
import { FIRST_RUN, RecordNotFoundError } from './analyze-record.js';
import { failureReasonOf, type CaughtError } from './mark-analysis-failed.js';
import { storedBody } from './prepare-record-text.js';
import { transcriptionJobName } from './transcription-job-name.js';
import type { RecordWorkflowDependencies } from './record-workflow-dependencies.js';

/** How long a waiting task token is kept: Transcribe jobs finish in minutes; the state times out first. */
const WAITING_TOKEN_TTL_MS = 2 * 24 * 3600_000;

export const transcriptOutputKey = (tenantId: string, recordId: string, jobName: string) => `transcripts/${tenantId}/${recordId}/${jobName}.json`;

/**
 * Step "start the transcription job and wait": keeps the task token by job name, then starts the job
 * (idempotent). The workflow resumes when the job-state-change event calls `resumeTranscription`.
 */
export async function startTranscription(deps: RecordWorkflowDependencies, step: RecordRef & { taskToken: string }): Promise<{ jobName: string }> {
  const run = step.run ?? FIRST_RUN;
  const record = await deps.records.getRecord(step.tenantId, step.recordId);
  if (!record) throw new RecordNotFoundError(`record ${step.recordId} does not exist in tenant ${step.tenantId}`);
  const mediaKey = record.recording?.storageKey;
  if (!mediaKey) throw new RecordNotFoundError(`record ${step.recordId} has no stored recording`);
  const jobName = transcriptionJobName(step.tenantId, step.recordId, run);
  const now = deps.clock.now();
  await deps.transcriptionJobs.saveWaiting({ jobName, tenantId: step.tenantId, recordId: step.recordId, taskToken: step.taskToken }, new Date(now.getTime() + WAITING_TOKEN_TTL_MS));
  const settings = await deps.tenants.getTenant(step.tenantId);
  await deps.transcriber.startJob({
    jobName,
    tenantId: step.tenantId,
    recordId: step.recordId,
    mediaKey,
    outputKey: transcriptOutputKey(step.tenantId, step.recordId, jobName),
    channelIdentification: record.type === 'phone',
    redactPii: settings?.redactStoredContent ?? false,
  });
  deps.metrics.count(HUB_METRICS.transcriptionsStarted);
  await deps.records.saveTranscription(step.tenantId, step.recordId, { status: 'in_progress', source: 'transcribe', jobName, mediaKey, updatedAt: now.toISOString() });
  return { jobName };
}

/** The speech service's job-state-change event, reduced to what the callback needs. */
export interface TranscriptionJobEvent {
  readonly jobName: string;
  readonly status: string;
  readonly failureReason?: string;
}

/** Resumes the workflow waiting on a finished job; jobs the hub did not start are ignored. */
export async function resumeTranscription(deps: RecordWorkflowDependencies, event: TranscriptionJobEvent): Promise<{ resumed: boolean }> {
  if (event.status !== 'COMPLETED' && event.status !== 'FAILED') return { resumed: false };
  const waiting = await deps.transcriptionJobs.findWaiting(event.jobName);
  if (!waiting) return { resumed: false };
  if (event.status === 'COMPLETED') await deps.callbacks.succeed(waiting.taskToken, { jobName: event.jobName });
  else await deps.callbacks.fail(waiting.taskToken, 'TranscriptionFailed', event.failureReason ?? 'the transcription job failed');
  return { resumed: true };
}

/** Step "collect the transcript": parses the job's output into a speaker-labelled transcript, stored as the record's content. */
export async function collectTranscript(deps: RecordWorkflowDependencies, step: RecordRef & { jobName: string }): Promise<{ speakers: number; characters: number }> {
  const record = await deps.records.getRecord(step.tenantId, step.recordId);
  if (!record) throw new RecordNotFoundError(`record ${step.recordId} does not exist in tenant ${step.tenantId}`);
  const job = await deps.transcriber.getJob(step.jobName);
  const outputKey = job.outputKey ?? transcriptOutputKey(step.tenantId, step.recordId, step.jobName);
  const json = await deps.blobs.getText(outputKey);
  if (json === null) throw new Error(`transcript output ${outputKey} is missing`);
  const parsed = parseTranscribeOutput(JSON.parse(json) as unknown);
  const text = renderSpeakerTranscript(parsed.turns);
  const speakers = new Set(parsed.turns.map((turn) => turn.speaker)).size;
  await deps.records.saveTranscription(
    step.tenantId,
    step.recordId,
    {
      status: 'completed',
      source: 'transcribe',
      jobName: step.jobName,
      mediaKey: record.recording?.storageKey,
      languageCode: parsed.languageCode ?? job.languageCode,
      speakers,
      updatedAt: deps.clock.now().toISOString(),
    },
    await storedBody(deps, record, text),
  );
  return { speakers, characters: text.length };
}

/** Catch of the transcription steps: the failure is recorded, and the analysis still runs on whatever text exists. */
export async function noteTranscriptionFailed(deps: RecordWorkflowDependencies, step: RecordRef & { error?: CaughtError }): Promise<void> {
  const record = await deps.records.getRecord(step.tenantId, step.recordId);
  if (!record) return;
  await deps.records.saveTranscription(step.tenantId, step.recordId, {
    ...(record.transcription ?? {}),
    status: 'failed',
    reason: failureReasonOf(step.error).slice(0, 1000),
    updatedAt: deps.clock.now().toISOString(),
  });
}
