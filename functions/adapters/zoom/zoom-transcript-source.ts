import type { CommunicationRecord } from '../../core/model/communication-record.js';
import type { ProvidedTranscript, TranscriptSource } from '../../core/ports/transcript-source.js';

export interface ZoomTranscriptSourceOptions {
  /**
   * Hosts a transcript may be downloaded from (the URL comes from a signed webhook, but the hub
   * still never follows it elsewhere). A leading dot matches subdomains.
   * @default ['zoom.us', '.zoom.us', 'zoom.com.cn', '.zoom.com.cn']
   */
  readonly allowedHosts?: readonly string[];
  /** Plain `http:` URLs (a local stand-in in tests only). @default false */
  readonly allowHttp?: boolean;
  /** @default 10000 */
  readonly timeoutMs?: number;
  /** A transcript larger than this is refused. @default 5 MB */
  readonly maxBytes?: number;
  readonly fetch?: typeof globalThis.fetch;
  readonly now?: () => Date;
}

export const ZOOM_DOWNLOAD_HOSTS = ['zoom.us', '.zoom.us', 'zoom.com.cn', '.zoom.com.cn'] as const;

const hostAllowed = (host: string, allowed: readonly string[]) =>
  allowed.some((entry) => (entry.startsWith('.') ? host.endsWith(entry) : host === entry));

/** The `download_token` of the `recording.completed` delivery the record came from (kept only in the raw archive). */
function downloadTokenOf(raw: string | null): string | undefined {
  if (raw === null) return undefined;
  try {
    const token = (JSON.parse(raw) as { download_token?: unknown }).download_token;
    return typeof token === 'string' && token !== '' ? token : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Zoom's own transcript of a cloud recording (file_type TRANSCRIPT, WebVTT), downloaded with the
 * delivery's `download_token` as a bearer token (Zoom "recording.completed" docs: valid 24 hours).
 * Past that, or without a token, the transcript is `unavailable` with the reason.
 */
export function createZoomTranscriptSource(options: ZoomTranscriptSourceOptions = {}): TranscriptSource {
  const allowed = options.allowedHosts ?? ZOOM_DOWNLOAD_HOSTS;
  const fetchImpl = options.fetch ?? globalThis.fetch;
  const maxBytes = options.maxBytes ?? 5 * 1024 * 1024;
  const now = options.now ?? (() => new Date());
  return {
    async fetch(record: CommunicationRecord, rawPayload: () => Promise<string | null>): Promise<ProvidedTranscript | undefined> {
      const url = record.metadata.transcriptUrl;
      if (record.sourceSystem !== 'zoom' || typeof url !== 'string') return undefined;
      let parsed: URL;
      try {
        parsed = new URL(url);
      } catch {
        return { kind: 'unavailable', reason: 'Zoom transcript URL is not a URL' };
      }
      if (!(parsed.protocol === 'https:' || (options.allowHttp && parsed.protocol === 'http:')) || !hostAllowed(parsed.hostname, allowed)) {
        return { kind: 'unavailable', reason: `Zoom transcript URL host ${parsed.hostname} is not an allowed Zoom download host` };
      }
      const expiresAt = record.metadata.downloadTokenExpiresAt;
      if (typeof expiresAt === 'string' && Date.parse(expiresAt) < now().getTime()) {
        return { kind: 'unavailable', reason: `Zoom's download token expired at ${expiresAt}` };
      }
      const token = downloadTokenOf(await rawPayload());
      if (!token) return { kind: 'unavailable', reason: 'the Zoom delivery carried no download_token (enable it for the webhook app)' };
      let bytes: Uint8Array;
      try {
        const response = await fetchImpl(parsed, { headers: { authorization: `Bearer ${token}` }, redirect: 'follow', signal: AbortSignal.timeout(options.timeoutMs ?? 10_000) });
        if (!response.ok) return { kind: 'unavailable', reason: `Zoom answered ${response.status} for the transcript` };
        bytes = new Uint8Array(await response.arrayBuffer());
      } catch (error) {
        // A replay tries again: the record stays "unavailable" with the reason, not "completed".
        return { kind: 'unavailable', reason: `could not download the Zoom transcript: ${(error as Error).message}`.slice(0, 500) };
      }
      if (bytes.byteLength > maxBytes) return { kind: 'unavailable', reason: `Zoom transcript larger than ${maxBytes} bytes` };
      return { kind: 'found', vtt: Buffer.from(bytes).toString('utf8') };
    },
  };
}
