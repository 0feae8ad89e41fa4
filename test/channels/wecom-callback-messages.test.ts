import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { TenantContext, WebhookOutcome, WebhookRequest } from '../../functions/core/channels/channel-adapter.js';
import { CommunicationInput } from '../../functions/core/model/communication-input.js';
import { wecomAdapter, type WeComSettings } from '../../functions/channels/wecom/wecom-adapter.js';
import { encryptWeComMessage, signWeComPayload } from '../../functions/channels/wecom/wecom-crypto.js';
import { parseMediaReference } from '../../functions/channels/wecom/wecom-media.js';

const dir = (name: string) => new URL(`../../../shared/fixtures/wecom/${name}/`, import.meta.url);
const tenant: TenantContext = { tenantId: 'T001', timezone: 'Asia/Shanghai', internalDomains: [] };
const settings: WeComSettings = { token: 'CommHubTestToken', encodingAesKey: 'abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG', corpId: 'ww0123456789abcdef' };

/** Encrypts a decrypted-message fixture (BOM and all) and POSTs it the way WeCom does. */
function deliver(message: string): WebhookOutcome {
  const timestamp = '1718418600';
  const encrypt = encryptWeComMessage({ encodingAesKey: settings.encodingAesKey, receiveId: settings.corpId }, message);
  const request: WebhookRequest = {
    method: 'POST',
    headers: { 'content-type': 'text/xml' },
    query: { msg_signature: signWeComPayload(settings.token, { timestamp, nonce: 'n0nce', encrypt }), timestamp, nonce: 'n0nce' },
    rawBody: Buffer.from(`<xml><ToUserName><![CDATA[${settings.corpId}]]></ToUserName><Encrypt><![CDATA[${encrypt}]]></Encrypt><AgentID><![CDATA[1]]></AgentID></xml>`),
    receivedAt: new Date(1_718_418_600_000),
  };
  return wecomAdapter.handle(request, settings, tenant);
}

const common = { sourceSystem: 'wecom', sourceRecordId: '1234567890123456', type: 'wechat', channel: 'wecom', direction: 'inbound', threadId: 'wecom:fromUser' };

/** What each decrypted callback fixture must become (SOURCES.md, "Decrypted callback messages"). */
const EXPECTED: Record<string, { ingest?: object; ignore?: RegExp }> = {
  'callback-messages/TextMessageEvent.xml': { ingest: { ...common, content: 'this is a test', occurredAt: '2012-09-28T19:31:00+08:00' } },
  'callback-messages/ImageMessageEvent.xml': {
    // PicUrl "this is a url" is not a URL, so the media id reference stands in for it.
    ingest: { ...common, attachments: [{ fileName: 'image-1234567890123456.jpg', contentType: 'image/jpeg', url: 'wecom-media:media_id' }], metadata: { msgType: 'image', media: [{ kind: 'image', id: 'media_id', picUrl: 'this is a url' }] } },
  },
  'callback-messages/VoiceMessageEvent.xml': {
    ingest: { ...common, occurredAt: '2013-01-04T17:15:13+08:00', attachments: [{ fileName: 'voice-1234567890123456.amr', contentType: 'audio/amr', url: 'wecom-media:media_id' }], metadata: { media: [{ kind: 'voice', format: 'Format' }] } },
  },
  'callback-messages/VideoMessageEvent.xml': {
    ingest: { ...common, attachments: [{ fileName: 'video-1234567890123456.mp4', contentType: 'video/mp4', url: 'wecom-media:media_id' }], metadata: { media: [{ kind: 'video', thumbMediaId: 'thumb_media_id' }] } },
  },
  'callback-messages/LinkMessageEvent.xml': {
    ingest: { ...common, subject: 'this is a title！', content: 'this is a title！\nthis is a description！\nURL', attachments: [], metadata: { url: 'URL', picUrl: 'this is a url' } },
  },
  'callback-messages/LocationMessageEvent.xml': {
    ingest: { ...common, occurredAt: '2012-11-01T21:26:00+08:00', content: '位置信息 (23.134, 113.358)', location: { latitude: 23.134, longitude: 113.358, address: '位置信息' }, metadata: { scale: '20', agentId: '1' } },
  },
  'callback-messages/KfMessageEvent.xml': { ignore: /messages must be pulled with kf\/sync_msg; token ENCApHxnGDNAVNY4AaSJKj4Tb5mwsEMzxhFmHVGcra996NR for open_kfid wkxxxxxxx/ },
  'callback-messages/ChangeExternalContactEvent.MessageAuditApproved.xml': { ignore: /change_external_contact\/msg_audit_approved is not a communication/ },
  'msgaudit/msgAuditApprovedXml.xml': { ignore: /change_external_contact\/msg_audit_approved is not a communication/ },
  'msgaudit/msgAuditNotifyXml.xml': { ignore: /msgaudit_notify: archived messages must be pulled with the Finance SDK/ },
};

describe('WeCom adapter — every decrypted callback fixture', () => {
  it('has an expectation for every XML fixture on disk', () => {
    const onDisk = [
      ...readdirSync(dir('callback-messages')).map((f) => `callback-messages/${f}`),
      ...readdirSync(dir('msgaudit')).filter((f) => f.endsWith('.xml')).map((f) => `msgaudit/${f}`),
    ];
    expect(onDisk.sort()).toEqual(Object.keys(EXPECTED).sort());
  });

  it.each(Object.entries(EXPECTED))('%s', (path, expected) => {
    // Prepare
    const message = readFileSync(new URL(`../../../shared/fixtures/wecom/${path}`, import.meta.url), 'utf8');

    // Act
    const outcome = deliver(message);

    // Assess
    expect(outcome).toMatchObject({ ack: { statusCode: 200, contentType: 'text/plain', body: 'success' } });
    if (expected.ignore) {
      expect(outcome.kind).toBe('ignore');
      expect(outcome.kind === 'ignore' ? outcome.reason : '').toMatch(expected.ignore);
      return;
    }
    expect(outcome.kind).toBe('ingest');
    const items = outcome.kind === 'ingest' ? outcome.items : [];
    expect(items).toHaveLength(1);
    expect(CommunicationInput.parse(items[0])).toMatchObject(expected.ingest ?? {});
  });

  it('keeps media as references a downloader can resolve', () => {
    const outcome = deliver(readFileSync(new URL('../../../shared/fixtures/wecom/callback-messages/VideoMessageEvent.xml', import.meta.url), 'utf8'));
    const url = outcome.kind === 'ingest' ? outcome.items[0]?.attachments[0]?.url : undefined;
    expect(parseMediaReference(url ?? '')).toEqual({ scheme: 'media', id: 'media_id' });
  });

  it('prefers a real PicUrl and hashes the fields of a message without MsgId into a stable id', () => {
    // Prepare
    const xml = '<xml><FromUserName>wmAJ2GCAAAme1XQRC-NI-q0_ZM9ukoAw</FromUserName><CreateTime>1348831860</CreateTime><MsgType>image</MsgType><PicUrl>https://wework.qpic.cn/x.jpg</PicUrl><MediaId>m1</MediaId><ChatId>wrChat1</ChatId></xml>';

    // Act
    const first = deliver(xml);
    const second = deliver(xml);

    // Assess
    const item = first.kind === 'ingest' ? first.items[0] : undefined;
    expect(item).toMatchObject({ attachments: [{ url: 'https://wework.qpic.cn/x.jpg' }], threadId: 'wecom:wrChat1', customer: { wecomUserId: 'wmAJ2GCAAAme1XQRC-NI-q0_ZM9ukoAw' } });
    expect(item?.sourceRecordId).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(second.kind === 'ingest' ? second.items[0]?.sourceRecordId : '').toBe(item?.sourceRecordId);
  });

  it('keeps an unknown message type, flagged, rather than dropping it', () => {
    const outcome = deliver('<xml><FromUserName>u</FromUserName><CreateTime>1</CreateTime><MsgType>miniprogram</MsgType><MsgId>9</MsgId></xml>');
    expect(outcome.kind === 'ingest' ? outcome.items[0] : undefined).toMatchObject({ content: '[miniprogram message]', metadata: { unsupported: true } });
  });
});
