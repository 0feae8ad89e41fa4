import * as z from '../core/zod.js';
import type { RecordWorkflowDependencies } from '../core/workflow/record-workflow-dependencies.js';
import { resumeTranscription } from '../core/workflow/transcription-steps.js';
import { logger } from '../http/logger.js';
import { onAwsWorkflow } from '../wiring/workflow-entry.js';

/** Amazon Transcribe's "Transcribe Job State Change" EventBridge event (docs: transcribe/latest/dg/monitoring-events.html). */
export const TranscribeJobStateChange = z.object({
  source: z.literal('aws.transcribe'),
  'detail-type': z.literal('Transcribe Job State Change'),
  detail: z.object({
    TranscriptionJobName: z.string().check(z.minLength(1)),
    TranscriptionJobStatus: z.string(),
    FailureReason: z.optional(z.string()),
  }),
});

/** Resumes the record workflow waiting on the finished job (jobs the hub did not start are ignored). */
export const build =
  (deps: RecordWorkflowDependencies) =>
  async (event: unknown): Promise<{ resumed: boolean }> => {
    const parsed = TranscribeJobStateChange.safeParse(event);
    if (!parsed.success) {
      logger.warn('not a Transcribe job state change; ignored', { issues: parsed.error.issues.length });
      return { resumed: false };
    }
    const { detail } = parsed.data;
    return resumeTranscription(deps, { jobName: detail.TranscriptionJobName, status: detail.TranscriptionJobStatus, failureReason: detail.FailureReason });
  };

export const handler = onAwsWorkflow(build);
