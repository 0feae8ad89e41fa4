import { asArray, asNumber, asRecord, asString, asText } from '../shared/json-values.js';
import { parseJsonKeepingBigInts } from '../shared/json-big-ints.js';
import { epochSecondsToZonedIso, isRepresentableEpochMs } from '../shared/zoned-time.js';
import type { MediaSpec } from './wecom-media.js';
import { lines, unsupportedBody, type MessageBody } from './wecom-record.js';

/**
 * The message types of 会话内容存档 (https://developer.work.weixin.qq.com/document/path/91774,
 * 消息格式) → {@link MessageBody}. Media arrive as `sdkfileid` handles for the Finance SDK.
 */

/** Where each type keeps its body when the key is not the msgtype itself (doc 91774 quirks). */
export const ARCHIVE_BODY_KEY: Readonly<Record<string, string>> = {
  docmsg: 'doc',
  markdown: 'info',
  news: 'info',
  external_redpacket: 'redpacket',
};

type Body = Record<string, unknown>;

function sdkMedia(body: Body, kind: string, fileName: string, sizeKey: string, details: Record<string, unknown> = {}): MediaSpec[] {
  const id = asText(body.sdkfileid);
  return id === undefined ? [] : [{ kind, scheme: 'sdkfile', id, fileName, sizeBytes: body[sizeKey], details: { md5sum: asString(body.md5sum), ...details } }];
}

/** Chat-record and mixed items carry their own body as a JSON **string** (doc 91774 "会话记录消息"). */
function innerJson(value: unknown): Body {
  if (typeof value !== 'string') return asRecord(value) ?? {};
  try {
    return asRecord(parseJsonKeepingBigInts(value)) ?? {};
  } catch {
    return {};
  }
}

const when = (seconds: unknown, zone: string) => {
  const value = asNumber(seconds);
  return value === undefined || value <= 0 || !isRepresentableEpochMs(value * 1000) ? undefined : epochSecondsToZonedIso(value, zone);
};

const yuan = (fen: unknown) => {
  const value = asNumber(fen);
  return value === undefined ? '?' : (value / 100).toFixed(2);
};

function mixedBody(body: Body, msgId: string): MessageBody {
  const texts: string[] = [];
  const media: MediaSpec[] = [];
  asArray(body.item).forEach((raw, index) => {
    const item = asRecord(raw) ?? {};
    const type = asString(item.type) ?? 'unknown';
    const inner = innerJson(item.content);
    if (type === 'text' || type === 'markdown') texts.push(asString(inner.content) ?? '');
    else if (type === 'image' || type === 'file') media.push(...sdkMedia(inner, type, asText(inner.filename) ?? `${type}-${msgId}-${index}.${type === 'image' ? 'jpg' : 'bin'}`, 'filesize'));
    else texts.push(`[${type}]`);
  });
  return { content: lines(...texts), media };
}

/** The body of one archived message, by type. */
export function archiveBody(msgType: string, body: Body, msg: Body, msgId: string, zone: string): MessageBody {
  switch (msgType) {
    case 'text':
    case 'markdown':
      return { content: asString(body.content) ?? '' };
    case 'image':
      return { media: sdkMedia(body, 'image', `image-${msgId}.jpg`, 'filesize') };
    case 'voice':
      return { media: sdkMedia(body, 'voice', `voice-${msgId}.amr`, 'voice_size'), durationSeconds: asNumber(body.play_length) };
    case 'video':
      return { media: sdkMedia(body, 'video', `video-${msgId}.mp4`, 'filesize'), durationSeconds: asNumber(body.play_length) };
    case 'emotion':
      // type 1 = animated (gif), 2 = png (doc 91774 "表情").
      return { media: sdkMedia(body, 'emotion', `emotion-${msgId}.${asNumber(body.type) === 2 ? 'png' : 'gif'}`, 'imagesize') };
    case 'file':
    case 'voip_doc_share': {
      const fileName = asText(body.filename) ?? `file-${msgId}.${asText(body.fileext) ?? 'bin'}`;
      return { content: fileName, media: sdkMedia(body, msgType, fileName, 'filesize', { voipId: asString(msg.voipid) }) };
    }
    case 'link':
      return { subject: asText(body.title), content: lines(asString(body.title), asString(body.description), asString(body.link_url)), details: { url: asString(body.link_url), imageUrl: asString(body.image_url) } };
    case 'weapp':
      return { subject: asText(body.title), content: lines(asString(body.title), asString(body.description), asString(body.displayname)), details: { weappUsername: asString(body.username) } };
    case 'card':
      return { content: `Contact card: ${asString(body.userid) ?? '?'} (${asString(body.corpname) ?? '?'})`, details: { cardUserId: asString(body.userid) } };
    case 'location': {
      const latitude = asNumber(body.latitude);
      const longitude = asNumber(body.longitude);
      const address = asText(body.address);
      const position = latitude === undefined || longitude === undefined ? undefined : { latitude, longitude, ...(address === undefined ? {} : { address }) };
      return { content: lines(asString(body.title), address), location: position, details: { zoom: asNumber(body.zoom) } };
    }
    case 'chatrecord':
      return {
        subject: asText(body.title),
        content: lines(asString(body.title), ...asArray(body.item).map((raw) => {
          const item = asRecord(raw) ?? {};
          return `- ${asString(innerJson(item.content).content) ?? `[${asString(item.type) ?? 'item'}]`}`;
        })),
      };
    case 'collect':
      return { subject: asText(body.title), content: lines(asString(body.title), ...asArray(body.details).map((d) => `- ${asString(asRecord(d)?.ques) ?? '?'} (${asString(asRecord(d)?.type) ?? '?'})`)), details: { roomName: asString(body.room_name), creator: asString(body.creator) } };
    case 'redpacket':
    case 'external_redpacket':
      // totalamount is in fen (分), doc 91774 "红包消息".
      return { content: `Red packet: ${asString(body.wish) ?? ''} (${asString(body.totalcnt) ?? '?'} packets, ${yuan(body.totalamount)} CNY)` };
    case 'meeting':
      return {
        subject: asText(body.topic),
        content: lines(`Meeting invitation: ${asString(body.topic) ?? ''}`, when(body.starttime, zone), when(body.endtime, zone), asText(body.address), asText(body.remarks)),
        details: { meetingId: asString(body.meetingid), meetingStatus: asNumber(body.status), meetingType: asNumber(body.meetingtype) },
      };
    case 'docmsg':
      return { subject: asText(body.title), content: lines(asString(body.title), asString(body.link_url)), details: { url: asString(body.link_url), docCreator: asString(body.doc_creator) } };
    case 'news':
      return { subject: asText(asRecord(asArray(body.item)[0])?.title), content: lines(...asArray(body.item).map((i) => lines(asString(asRecord(i)?.title), asString(asRecord(i)?.description), asString(asRecord(i)?.url)))) };
    case 'calendar':
      return {
        subject: asText(body.title),
        content: lines(asString(body.title), when(body.starttime, zone), when(body.endtime, zone), asText(body.place), asArray(body.attendeename).map(asString).join(', '), asText(body.remarks)),
        details: { creatorName: asString(body.creatorname) },
      };
    case 'meeting_voice_call': {
      // 音频存档: the call audio is one sdkfileid; there is no start time, so duration runs from msgtime.
      const end = asNumber(body.endtime);
      const start = asNumber(msg.msgtime);
      const duration = end !== undefined && start !== undefined && end * 1000 > start ? Math.round(end - start / 1000) : undefined;
      const shared = asArray(body.demofiledata).map((d) => asString(asRecord(d)?.filename)).filter((f) => f !== undefined);
      const id = asText(body.sdkfileid);
      return {
        content: lines('Voice call', shared.length > 0 ? `Shared files: ${shared.join(', ')}` : undefined, asArray(body.sharescreendata).length > 0 ? 'Screen shared' : undefined),
        recording: id === undefined ? undefined : { sdkfileid: id, durationSeconds: duration },
        details: { voiceId: asString(msg.voiceid) },
      };
    }
    case 'sphfeed':
      return { content: lines(`Channels feed from ${asString(body.sph_name) ?? '?'}`, asString(body.feed_desc)), details: { feedType: asNumber(body.feed_type) } };
    case 'mixed':
      return mixedBody(body, msgId);
    default:
      return unsupportedBody(msgType);
  }
}
