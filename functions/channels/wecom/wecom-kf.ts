import { PayloadError, type TenantContext } from '../../core/channels/channel-adapter.js';
import type { Participant } from '../../core/model/participant.js';
import { asArray, asNumber, asRecord, asString, asText } from '../shared/json-values.js';
import { parseJsonKeepingBigInts } from '../shared/json-big-ints.js';
import { epochSecondsToZonedIso } from '../shared/zoned-time.js';
import type { MediaSpec } from './wecom-media.js';
import { parseVendorObject, type ArchiveResult } from './wecom-pulled.js';
import { assembleRecord, lines, unsupportedBody, type MessageBody } from './wecom-record.js';

/**
 * 微信客服 (WeChat Customer Service): the `msg_list` of a `kf/sync_msg` response
 * (https://developer.work.weixin.qq.com/document/path/94670), pulled after a `kf_msg_or_event`
 * callback. `origin` says who sent it: 3 the WeChat customer, 4 the system, 5 the servicer.
 */

type Json = Record<string, unknown>;

const ORIGIN = { customer: 3, system: 4, servicer: 5 } as const;
const MEDIA_EXTENSION: Readonly<Record<string, string>> = { image: 'jpg', voice: 'amr', video: 'mp4', file: 'bin' };

function media(body: Json, kind: string, msgId: string): MediaSpec[] {
  const id = asText(body.media_id);
  return id === undefined ? [] : [{ kind, scheme: 'media', id, fileName: `${kind}-${msgId}.${MEDIA_EXTENSION[kind] ?? 'bin'}`, details: { mediaId: id } }];
}

/** `merged_msg` items carry their message as a JSON string (`msg_content`). */
function mergedLine(raw: unknown): string {
  const item = asRecord(raw) ?? {};
  let inner: Json = {};
  try {
    inner = asRecord(parseJsonKeepingBigInts(asString(item.msg_content) ?? '{}')) ?? {};
  } catch {
    // Unreadable inner content: the line still names the sender and type.
  }
  const text = asString(asRecord(inner.text)?.content) ?? `[${asString(item.msgtype) ?? 'message'}]`;
  return `- ${asString(item.sender_name) ?? '?'}: ${text}`;
}

function kfBody(msgType: string, body: Json, msgId: string): MessageBody {
  switch (msgType) {
    case 'text':
      return { content: asString(body.content) ?? '', details: { menuId: asString(body.menu_id) } };
    case 'image':
    case 'voice':
    case 'video':
    case 'file':
      return { media: media(body, msgType, msgId) };
    case 'location': {
      const latitude = asNumber(body.latitude);
      const longitude = asNumber(body.longitude);
      const address = asText(body.address) ?? asText(body.name);
      return {
        content: lines(asString(body.name), asString(body.address)),
        location: latitude === undefined || longitude === undefined ? undefined : { latitude, longitude, ...(address === undefined ? {} : { address }) },
      };
    }
    case 'link':
      return { subject: asText(body.title), content: lines(asString(body.title), asString(body.desc), asString(body.url)), details: { url: asString(body.url), picUrl: asString(body.pic_url) } };
    case 'business_card':
      return { content: `Contact card: ${asString(body.userid) ?? '?'}`, details: { cardUserId: asString(body.userid) } };
    case 'miniprogram':
      return { subject: asText(body.title), content: lines(asString(body.title), asString(body.pagepath)), details: { appId: asString(body.appid) } };
    case 'msgmenu':
      return {
        content: lines(asString(body.head_content), ...asArray(body.list).map((raw) => {
          const option = asRecord(raw) ?? {};
          return `- ${asString(asRecord(option[asString(option.type) ?? ''])?.content) ?? '?'}`;
        }), asString(body.tail_content)),
      };
    case 'channels_shop_product':
      return { subject: asText(body.title), content: lines(`Product: ${asString(body.title) ?? '?'}`, `Price: ${((asNumber(body.sales_price) ?? 0) / 100).toFixed(2)} CNY`, asString(body.shop_nickname)), details: { productId: asString(body.product_id) } };
    case 'channels_shop_order':
      return { content: lines(`Order ${asString(body.order_id) ?? '?'}: ${asString(body.product_titles) ?? ''}`, asString(body.price_wording), asString(body.state), asString(body.shop_nickname)), details: { orderId: asString(body.order_id) } };
    case 'channels':
      return { content: lines(`Channels: ${asString(body.nickname) ?? '?'}`, asString(body.title)), details: { channelsSubType: asNumber(body.sub_type) } };
    case 'merged_msg':
      return { subject: asText(body.title), content: lines(asString(body.title), ...asArray(body.item).map(mergedLine)) };
    default:
      return unsupportedBody(msgType);
  }
}

function skipReason(item: Json): string | undefined {
  const msgType = asText(item.msgtype);
  if (msgType === 'event') {
    const event = asRecord(item.event) ?? {};
    const recall = asText(event.recall_msgid);
    return `event ${asString(event.event_type) ?? '(unknown)'}${recall === undefined ? '' : ` (recalls ${recall})`} is not a communication`;
  }
  if (msgType === undefined) return 'no msgtype';
  if (asText(item.msgid) === undefined) return 'no msgid: cannot be deduplicated';
  if (asNumber(item.send_time) === undefined) return 'no send_time: cannot be placed on the timeline';
  if (asNumber(item.origin) === ORIGIN.system) return 'system message (origin 4), not sent by the customer or a servicer';
  return undefined;
}

function toRecord(item: Json, tenant: TenantContext) {
  const msgId = asText(item.msgid) as string;
  const msgType = (asText(item.msgtype) as string).toLowerCase();
  const customer = asText(item.external_userid);
  const servicer = asText(item.servicer_userid);
  const openKfId = asText(item.open_kfid);
  const fromServicer = asNumber(item.origin) === ORIGIN.servicer;
  const participants: Participant[] = [
    ...(customer === undefined ? [] : [{ wecomUserId: customer, role: 'customer' as const, internal: false }]),
    ...(servicer === undefined ? [] : [{ wecomUserId: servicer, role: 'agent' as const, internal: true }]),
  ];
  return assembleRecord(
    {
      sourceSystem: 'wecom-kf',
      sourceRecordId: msgId,
      msgType,
      occurredAt: epochSecondsToZonedIso(asNumber(item.send_time) as number, tenant.timezone),
      direction: fromServicer ? 'outbound' : 'inbound',
      customerWecomUserId: customer,
      participants,
      // One customer's conversation with one kf account is one thread.
      threadId: `wecom:kf:${openKfId ?? '?'}:${customer ?? '?'}`,
      metadata: { openKfId, origin: asNumber(item.origin) },
    },
    kfBody(msgType, asRecord(item[msgType]) ?? {}, msgId),
  );
}

/**
 * A `kf/sync_msg` response → records for the messages, reasons for everything else (events such as
 * recalls, system messages, entries without id or time).
 * @throws PayloadError when the response is not an object, reports an errcode, or has no msg_list.
 * @example normalizeKfMessages(await kf.syncMsg({ token, cursor }), tenant)
 */
export function normalizeKfMessages(response: unknown, tenant: TenantContext): ArchiveResult {
  const body = parseVendorObject(response, 'kf/sync_msg response');
  if ((asNumber(body.errcode) ?? 0) !== 0) throw new PayloadError(`kf/sync_msg failed: errcode ${asString(body.errcode)} ${asString(body.errmsg) ?? ''}`);
  if (!Array.isArray(body.msg_list)) throw new PayloadError('kf/sync_msg response: msg_list is missing');
  const result: ArchiveResult = { items: [], skipped: [] };
  body.msg_list.forEach((raw, index) => {
    const item = asRecord(raw) ?? {};
    const id = asText(item.msgid) ?? `#${index}`;
    const reason = skipReason(item);
    if (reason !== undefined) {
      result.skipped.push({ id, reason });
      return;
    }
    try {
      result.items.push(toRecord(item, tenant));
    } catch (error) {
      if (!(error instanceof PayloadError)) throw error;
      result.skipped.push({ id, reason: error.message });
    }
  });
  return result;
}
