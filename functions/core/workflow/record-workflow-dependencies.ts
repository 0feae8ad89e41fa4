import type { HubDependencies } from '../dependencies.js';
import type { CommunicationAnalyzer } from '../ports/analyzer.js';
import type { EventPublisher } from '../ports/event-publisher.js';
import type { Mailer } from '../ports/mailer.js';
import type { Transcriber } from '../ports/transcriber.js';
import type { TranscriptSource } from '../ports/transcript-source.js';
import type { TranscriptionJobStore } from '../ports/transcription-job-store.js';
import type { WorkflowCallbacks, WorkflowStarter } from '../ports/workflow.js';

/** The ports the record workflow's steps use, on top of the hub's stores. */
export interface RecordWorkflowDependencies extends HubDependencies {
  readonly analyzer: CommunicationAnalyzer;
  /** The rules-based analyzer: for texts too short to be worth a model call (and the fallback). */
  readonly localAnalyzer: CommunicationAnalyzer;
  /** `true` when the analyzer sends text to a model (then what it sent is kept in the blob store). */
  readonly analyzerUsesModel: boolean;
  readonly transcriber: Transcriber;
  /** Transcripts source systems made themselves (Zoom), fetched before anything is marked untranscribed. */
  readonly transcriptSources: readonly TranscriptSource[];
  readonly transcriptionJobs: TranscriptionJobStore;
  readonly workflows: WorkflowStarter;
  readonly callbacks: WorkflowCallbacks;
  readonly events: EventPublisher;
  /** `null` when no sender address is configured: alerts are then stored but not emailed. */
  readonly mailer: Mailer | null;
}
