import { createHash } from 'node:crypto';
import type { AttachmentInput } from '../../core/model/communication-input.js';

/**
 * WeCom never puts file bytes in a message: it sends a handle that must be downloaded later, with
 * an access token, by a puller — not by a pure adapter. Such handles are kept as **reference URLs**
 * in `attachments[].url` (the canonical schema wants a URL) and, with their details, in
 * `metadata.media`:
 * - `wecom-media:<media_id>` — app callbacks and 微信客服 (kf) messages; download with
 *   `cgi-bin/media/get?media_id=…`, valid for 3 days only
 *   (https://developer.work.weixin.qq.com/document/path/90254);
 * - `wecom-sdkfile:<sdkfileid>` — 会话存档 messages; download with the Finance SDK `GetMediaData`
 *   (https://developer.work.weixin.qq.com/document/path/91774).
 * A real `http(s)` URL the message carries (an image's `PicUrl`) is used as is. The record store turns
 * a url attachment into `sourceUrl` with size 0 until the bytes are fetched.
 */
export const MEDIA_SCHEMES = { media: 'wecom-media', sdkfile: 'wecom-sdkfile' } as const;
export type MediaScheme = keyof typeof MEDIA_SCHEMES;

const MAX_URL = 2048;

/** `wecom-media:<id>` / `wecom-sdkfile:<id>` (id percent-encoded; hashed if the URL would exceed 2 KB). */
export function mediaReferenceUrl(scheme: MediaScheme, id: string): string {
  const url = `${MEDIA_SCHEMES[scheme]}:${encodeURIComponent(id)}`;
  return url.length <= MAX_URL ? url : `${MEDIA_SCHEMES[scheme]}:sha256-${createHash('sha256').update(id).digest('hex')}`;
}

/** The scheme and id of a reference URL, or `undefined` for any other URL. */
export function parseMediaReference(url: string): { scheme: MediaScheme; id: string } | undefined {
  for (const scheme of Object.keys(MEDIA_SCHEMES) as MediaScheme[]) {
    const prefix = `${MEDIA_SCHEMES[scheme]}:`;
    if (url.startsWith(prefix)) return { scheme, id: decodeURIComponent(url.slice(prefix.length)) };
  }
  return undefined;
}

/** One entry of `metadata.media`: everything a downloader needs besides credentials. */
export interface MediaRecord {
  readonly kind: string;
  readonly scheme: MediaScheme;
  readonly id: string;
  readonly fileName: string;
  readonly url: string;
  readonly [detail: string]: unknown;
}

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  png: 'image/png',
  gif: 'image/gif',
  amr: 'audio/amr',
  silk: 'audio/silk',
  speex: 'audio/speex',
  mp3: 'audio/mpeg',
  mp4: 'video/mp4',
  pdf: 'application/pdf',
  txt: 'text/plain',
  zip: 'application/zip',
  doc: 'application/msword',
  xls: 'application/vnd.ms-excel',
  ppt: 'application/vnd.ms-powerpoint',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  pptx: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
};

/** MIME type from a file extension; `application/octet-stream` when unknown. */
export function contentTypeOf(fileName: string): string {
  const extension = /\.([A-Za-z0-9]+)$/.exec(fileName)?.[1]?.toLowerCase() ?? '';
  return CONTENT_TYPES[extension] ?? 'application/octet-stream';
}

const isHttpUrl = (value: string | undefined): value is string => value !== undefined && /^https?:\/\/[^\s]+$/.test(value) && value.length <= MAX_URL;

export interface MediaSpec {
  readonly kind: string;
  readonly scheme: MediaScheme;
  readonly id: string;
  readonly fileName: string;
  /** A directly downloadable URL the message also carries (used instead of the reference). */
  readonly directUrl?: string;
  /** Exact byte count when known and safe (64-bit sizes arrive as strings and are left out here). */
  readonly sizeBytes?: unknown;
  readonly details?: Readonly<Record<string, unknown>>;
}

/** An attachment plus its `metadata.media` entry for one media handle. */
export function mediaAttachment(spec: MediaSpec): { attachment: AttachmentInput; media: MediaRecord } {
  const url = isHttpUrl(spec.directUrl) ? spec.directUrl : mediaReferenceUrl(spec.scheme, spec.id);
  const size = typeof spec.sizeBytes === 'number' && Number.isSafeInteger(spec.sizeBytes) && spec.sizeBytes >= 0 ? spec.sizeBytes : undefined;
  const attachment: AttachmentInput = { fileName: spec.fileName, contentType: contentTypeOf(spec.fileName), url, ...(size === undefined ? {} : { sizeBytes: size }) };
  const media: MediaRecord = { ...spec.details, kind: spec.kind, scheme: spec.scheme, id: spec.id, fileName: spec.fileName, url, ...(spec.sizeBytes === undefined ? {} : { sizeBytes: spec.sizeBytes }) };
  return { attachment, media };
}
