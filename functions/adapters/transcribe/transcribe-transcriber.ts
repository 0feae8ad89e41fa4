import {
  ConflictException,
  GetTranscriptionJobCommand,
  LanguageCode,
  MediaFormat,
  StartTranscriptionJobCommand,
  type StartTranscriptionJobRequest,
  type TranscribeClient,
  type TranscriptionJob,
} from '@aws-sdk/client-transcribe';
import type { Transcriber, TranscriptionJobRequest, TranscriptionJobStatus } from '../../core/ports/transcriber.js';

/**
 * Languages batch PII redaction supports ("Redacting PII in your batch job", Amazon Transcribe
 * Developer Guide). Deliberately conservative: a language missing here only means the hub's own
 * redaction is the one that applies, a language wrongly present makes the job fail. (The guide's
 * document history announces more — fr-FR, fr-CA, de-DE, de-CH, it-IT, pt-PT, pt-BR — which a
 * deployment can opt into through `redactionLanguages`.)
 */
export const TRANSCRIBE_REDACTION_LANGUAGES: readonly LanguageCode[] = ['en-US', 'es-US'];

export interface TranscribeTranscriberOptions {
  readonly client: TranscribeClient;
  /** Bucket holding `mediaKey` (the attachments bucket). */
  readonly mediaBucket: string;
  /** Bucket Transcribe writes its output JSON to; the role Transcribe uses needs `s3:PutObject` on it. */
  readonly outputBucket: string;
  /**
   * Languages the recordings may be in. Two or more: Transcribe identifies the dominant one
   * (`IdentifyLanguage`); exactly one: the job is transcribed in that language.
   * @default ['zh-CN', 'en-US']
   */
  readonly languageOptions?: readonly string[];
  /**
   * Most speakers to tell apart in single-channel recordings (Transcribe accepts 2–30).
   * @default 4
   */
  readonly maxSpeakers?: number;
  /**
   * Languages Transcribe may redact PII in (empty: never ask Transcribe to redact).
   * @default TRANSCRIBE_REDACTION_LANGUAGES
   */
  readonly redactionLanguages?: readonly string[];
}

/** Transcribe job names: `^[0-9a-zA-Z._-]+$`, at most 200 characters (StartTranscriptionJob API reference). */

const KNOWN_MEDIA_FORMATS: ReadonlySet<string> = new Set(Object.values(MediaFormat));
const KNOWN_LANGUAGES: ReadonlySet<string> = new Set(Object.values(LanguageCode));

/**
 * The transcriber on Amazon Transcribe (batch jobs). Single-channel recordings get speaker labels,
 * two-channel ones (agent / customer) channel identification — Transcribe refuses both at once.
 *
 * PII redaction: Transcribe redacts only some languages, and "redaction is not compatible with
 * language identification" (Developer Guide, "Redacting PII in your batch job"); asking for it on a
 * `zh-CN`/`en-US` identification job makes the job fail. So `ContentRedaction` is sent only when the
 * job's language is fixed (one `languageOptions` entry) and redaction-capable; otherwise the job runs
 * unredacted and the hub's own PII redaction — applied before any model call — is what protects the
 * text. Either way `getJob` reports the redacted output when Transcribe produced one.
 *
 * @example
 * const transcriber = createTranscribeTranscriber({ client: new TranscribeClient({}), mediaBucket, outputBucket });
 * await transcriber.startJob({ jobName: transcriptionJobName(tenantId, recordId, run), ... });
 */
export function createTranscribeTranscriber(options: TranscribeTranscriberOptions): Transcriber {
  const { client, mediaBucket, outputBucket } = options;
  const languages = languageCodes(options.languageOptions ?? ['zh-CN', 'en-US'], 'languageOptions');
  if (languages.length === 0) throw new RangeError('languageOptions must name at least one language');
  const redactionLanguages = new Set(languageCodes(options.redactionLanguages ?? TRANSCRIBE_REDACTION_LANGUAGES, 'redactionLanguages'));
  const maxSpeakers = options.maxSpeakers ?? 4;
  if (!Number.isInteger(maxSpeakers) || maxSpeakers < 2 || maxSpeakers > 30) {
    throw new RangeError(`maxSpeakers must be an integer from 2 to 30 (Transcribe MaxSpeakerLabels), got ${maxSpeakers}`);
  }
  const [onlyLanguage] = languages;
  const fixedLanguage = languages.length === 1 ? onlyLanguage : undefined;
  const canRedact = fixedLanguage !== undefined && redactionLanguages.has(fixedLanguage);

  return {
    available: true,

    async startJob(request: TranscriptionJobRequest): Promise<void> {
      const mediaFormat = mediaFormatOf(request.mediaKey);
      const input: StartTranscriptionJobRequest = {
        TranscriptionJobName: request.jobName,
        Media: { MediaFileUri: `s3://${mediaBucket}/${request.mediaKey}` },
        ...(mediaFormat === undefined ? {} : { MediaFormat: mediaFormat }),
        ...(fixedLanguage === undefined ? { IdentifyLanguage: true, LanguageOptions: [...languages] } : { LanguageCode: fixedLanguage }),
        OutputBucketName: outputBucket,
        OutputKey: request.outputKey,
        Settings: request.channelIdentification ? { ChannelIdentification: true } : { ShowSpeakerLabels: true, MaxSpeakerLabels: maxSpeakers },
        ...(request.redactPii && canRedact ? { ContentRedaction: { RedactionType: 'PII', RedactionOutput: 'redacted' } } : {}),
        Tags: [
          { Key: 'tenantId', Value: request.tenantId },
          { Key: 'recordId', Value: request.recordId },
        ],
      };
      try {
        await client.send(new StartTranscriptionJobCommand(input));
      } catch (error) {
        // "A resource already exists with this name": a retried start; the first one is running.
        if (error instanceof ConflictException || (error as { name?: string }).name === 'ConflictException') return;
        throw error;
      }
    },

    async getJob(jobName: string): Promise<TranscriptionJobStatus> {
      const { TranscriptionJob: job } = await client.send(new GetTranscriptionJobCommand({ TranscriptionJobName: jobName }));
      if (job?.TranscriptionJobStatus === undefined) {
        throw new Error(`GetTranscriptionJob returned no status for ${jobName}`);
      }
      const outputKey = outputKeyOf(job);
      return {
        jobName,
        status: job.TranscriptionJobStatus,
        ...(job.FailureReason === undefined ? {} : { failureReason: job.FailureReason }),
        ...(job.LanguageCode === undefined ? {} : { languageCode: job.LanguageCode }),
        ...(outputKey === undefined ? {} : { outputKey }),
      };
    },
  };
}

/** Failing fast at wiring time beats a `BadRequestException` on the first recording. */
function languageCodes(values: readonly string[], option: string): LanguageCode[] {
  return values.map((value) => {
    if (!KNOWN_LANGUAGES.has(value)) throw new RangeError(`${option}: ${value} is not an Amazon Transcribe language code`);
    return value as LanguageCode;
  });
}

/** From the key's extension; left out when unknown, so Transcribe detects the format itself. */
function mediaFormatOf(key: string): MediaFormat | undefined {
  const extension = /\.([0-9A-Za-z]+)$/.exec(key)?.[1]?.toLowerCase();
  return extension !== undefined && KNOWN_MEDIA_FORMATS.has(extension) ? (extension as MediaFormat) : undefined;
}

/** The output key: the redacted transcript's when there is one (it is the one that may leave the hub). */
function outputKeyOf(job: TranscriptionJob): string | undefined {
  const uri = job.Transcript?.RedactedTranscriptFileUri ?? job.Transcript?.TranscriptFileUri;
  return uri === undefined ? undefined : s3KeyOfUrl(uri);
}

/**
 * Transcribe reports output as an HTTPS S3 URL, path-style (`https://s3.<region>.amazonaws.com/<bucket>/<key>`)
 * in practice; virtual-hosted (`https://<bucket>.s3.<region>.amazonaws.com/<key>`) is accepted too.
 */
function s3KeyOfUrl(uri: string): string | undefined {
  let url: URL;
  try {
    url = new URL(uri);
  } catch {
    return undefined;
  }
  const segments = url.pathname.split('/').slice(1).map(decodeURIComponent);
  const virtualHosted = !url.hostname.startsWith('s3.') && !url.hostname.startsWith('s3-') && url.hostname.includes('.s3');
  const keySegments = virtualHosted ? segments : segments.slice(1);
  const key = keySegments.join('/');
  return key === '' ? undefined : key;
}
