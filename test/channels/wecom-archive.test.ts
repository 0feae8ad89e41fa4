import { readdirSync, readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PayloadError, type TenantContext } from '../../functions/core/channels/channel-adapter.js';
import { CommunicationInput } from '../../functions/core/model/communication-input.js';
import { normalizeArchiveMessage, normalizeChatDataMessages, normalizeKfMessages } from '../../functions/channels/wecom/wecom-archive.js';

const fixtureUrl = (path: string) => new URL(`../../../shared/fixtures/wecom/${path}`, import.meta.url);
const read = (path: string) => readFileSync(fixtureUrl(path), 'utf8');
const tenant: TenantContext = { tenantId: 'T001', timezone: 'Asia/Shanghai', internalDomains: [] };
const sdkfile = expect.stringMatching(/^wecom-sdkfile:/);

/** What each 会话存档 fixture must become: a record matching `item`, or a skip matching `skip`. */
const EXPECTED: Record<string, { item?: object; skip?: RegExp }> = {
  'agree.json': { skip: /agreed to message archiving — a consent event/ },
  'disagree.json': { skip: /refused message archiving/ },
  'revoke.json': { skip: /recall of message 14822339130656386894_1603875600/ },
  'switchlog.json': { skip: /switchlog: XuJinSheng switched enterprise/ },
  'text.json': {
    item: { sourceSystem: 'wecom-archive', sourceRecordId: 'CAQQluDa4QUY0On2rYSAgAMgzPrShAE=', type: 'wechat', channel: 'wecom', direction: 'internal', content: '这是一条引用/回复消息："\n------\n@nick777', occurredAt: '2019-01-10T10:38:14.783+08:00', threadId: 'wecom:XuJinSheng,icefog' },
  },
  'image.json': { item: { occurredAt: '1970-01-01T08:00:00+08:00', attachments: [{ fileName: 'image-CAQQvPnc4QUY0On2rYSAgAMgooLa0Q8=.jpg', contentType: 'image/jpeg', url: sdkfile, sizeBytes: 70961 }] } },
  'voice.json': { item: { direction: 'inbound', customer: { wecomUserId: 'wmGAgeDQAAdBjb8CK4ieMPRm7Cqm-9VA' }, durationSeconds: 10, attachments: [{ contentType: 'audio/amr', sizeBytes: 6810, url: sdkfile }] } },
  'video.json': { item: { direction: 'outbound', durationSeconds: 108, attachments: [{ contentType: 'video/mp4', sizeBytes: 15169724 }] } },
  'emotion.json': { item: { attachments: [{ fileName: 'emotion-6623217619416669654_1603875612.gif', contentType: 'image/gif', sizeBytes: 962604 }] } },
  'file.json': {
    item: { direction: 'outbound', customer: { wecomUserId: 'wmErxtDgAArDlFIhf76O6w4GxU81al8w' }, content: '资料.docx', attachments: [{ fileName: '资料.docx', contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', sizeBytes: 18181 }] },
  },
  'link.json': { item: { subject: '邀请你加入群聊', content: '邀请你加入群聊\n技术支持群，进入可查看详情\nhttps://work.weixin.qq.com/wework_admin/external_room/join/exceed?vcode=xxx' } },
  'weapp.json': { item: { subject: '开始聊天前请仔细阅读服务须知事项', content: '开始聊天前请仔细阅读服务须知事项\n客户需同意存档聊天记录\n服务须知' } },
  'card.json': { item: { content: 'Contact card: wmGAgeDQAAGjFmfnP7A3j2JxQDdLNhSw (微信联系人)' } },
  'location.json': { item: { location: { latitude: 39.911125799, longitude: 116.586285899, address: '北京市xxx区xxx路xxx大厦x座' }, content: 'xxx管理中心\n北京市xxx区xxx路xxx大厦x座' } },
  'chatrecord.json': { item: { subject: '群聊', content: '群聊\n- test\n- test2' } },
  'collect.json': { item: { subject: '这是填表title', content: expect.stringContaining('- 表项1，文本 (Text)'), threadId: 'wecom:wrjc7bDwYAOAhf9quEwRRxyyoMm0QAAA' } },
  'collect-uint64.json': { item: { subject: '这是填表title', content: expect.stringContaining('- 表项4，时间 (Time)') } },
  'redpacket.json': { item: { content: 'Red packet: 恭喜发财，大吉大利 (1 packets, 30.00 CNY)' } },
  'externalRedpacket.json': { item: { direction: 'inbound', content: 'Red packet: 恭喜发财，大吉大利 (2 packets, 0.20 CNY)', threadId: 'wecom:wrJ7ijBwAAG1vly_DzVI72Ghc-PtA5Dw' } },
  'meeting.json': { item: { subject: '夕会', content: expect.stringContaining('2020-10-28T17:30:00+08:00'), metadata: { meetingId: '1210342560' } } },
  'meeting-uint64.json': { item: { subject: '夕会', metadata: { meetingId: '11101571002822706744' } } },
  'docMsg.json': { item: { subject: '测试&演示客户', content: '测试&演示客户\nhttps://doc.weixin.qq.com/txdoc/excel?docid=xxx' } },
  'markDown.json': { item: { content: '请前往系统查看，谢谢。' } },
  'news.json': { item: { subject: 'service ', content: 'service \ntest\nhttp://xxx' } },
  'calendar.json': { item: { subject: 'xxx业绩复盘会', content: expect.stringContaining('aaa, bbb'), threadId: 'wecom:wr2LO0CAAAFrTZCGWWAxBA' } },
  'mixed.json': { item: { content: '你好[微笑]\n', attachments: [{ contentType: 'image/jpeg', sizeBytes: 13177, url: sdkfile }] } },
  'meetingVoiceCall.json': {
    item: { recording: { url: sdkfile, durationSeconds: 54 }, durationSeconds: 54, content: 'Voice call\nShared files: 65eb1cdd3e7a3c1740ecd74220b6c627.docx\nScreen shared', threadId: 'wecom:wo137MCgAAYW6pIiKKrDe5SlzEhSgwbA' },
  },
  'voipDocShare.json': { item: { direction: 'outbound', attachments: [{ fileName: '欢迎使用微盘.pdf.pdf', contentType: 'application/pdf', sizeBytes: 4400654 }] } },
  'voipDocShare-uint64.json': { item: { attachments: [{ fileName: '欢迎使用微盘.pdf.pdf', url: sdkfile }], metadata: { media: [{ sizeBytes: '11101571002822706744' }] } } },
  'sphfeed.json': { item: { content: 'Channels feed from 云游天地旅行家\n瑞士丨盖尔默缆车，名副其实的过山车~\n\n#旅行#风景#热门' } },
};

describe('WeCom 会话存档 — every decrypted message fixture', () => {
  it('has an expectation for every JSON fixture on disk', () => {
    const onDisk = readdirSync(fixtureUrl('msgaudit/')).filter((f) => f.endsWith('.json'));
    expect(onDisk.sort()).toEqual(Object.keys(EXPECTED).sort());
  });

  it.each(Object.entries(EXPECTED))('%s', (file, expected) => {
    // Act
    const result = normalizeArchiveMessage(read(`msgaudit/${file}`), tenant);

    // Assess
    if (expected.skip) {
      expect(result.items).toEqual([]);
      expect(result.skipped).toEqual([{ id: expect.any(String), reason: expect.stringMatching(expected.skip) }]);
      return;
    }
    expect(result.skipped).toEqual([]);
    expect(result.items).toHaveLength(1);
    expect(CommunicationInput.parse(result.items[0])).toMatchObject(expected.item ?? {});
  });

  it('accepts an already parsed object too (precision is the caller’s then)', () => {
    const result = normalizeArchiveMessage(JSON.parse(read('msgaudit/text.json')), tenant);
    expect(result.items[0]?.content).toContain('@nick777');
  });

  it('refuses input that is not a JSON object', () => {
    expect(() => normalizeArchiveMessage('{"msgid":', tenant)).toThrow(PayloadError);
    expect(() => normalizeArchiveMessage([1, 2], tenant)).toThrow(PayloadError);
  });

  it('property: arbitrary objects and mutated fixtures yield valid items, skips, or a PayloadError — nothing else', () => {
    const fixtures = Object.keys(EXPECTED).map((f) => JSON.parse(read(`msgaudit/${f}`)) as Record<string, unknown>);
    const mutated = fc.tuple(fc.constantFrom(...fixtures), fc.dictionary(fc.constantFrom('msgid', 'from', 'tolist', 'roomid', 'msgtime', 'msgtype', 'action', 'text', 'location', 'file'), fc.jsonValue())).map(([base, patch]) => ({ ...base, ...patch }));
    fc.assert(
      fc.property(fc.oneof(mutated, fc.jsonValue(), fc.string()), (message) => {
        try {
          const result = normalizeArchiveMessage(message, tenant);
          for (const item of result.items) CommunicationInput.parse(item);
        } catch (error) {
          expect(error).toBeInstanceOf(PayloadError);
        }
      }),
      { numRuns: 500 },
    );
  });
});

describe('WeCom 微信客服 kf/sync_msg and chatdata responses', () => {
  it('normalises the fixture: one message kept (unknown type flagged), events and id-less entries skipped with reasons', () => {
    // Act
    const result = normalizeKfMessages(read('api/kf-sync_msg-response.json'), tenant);

    // Assess
    expect(result.items.map((item) => CommunicationInput.parse(item))).toMatchObject([
      {
        sourceSystem: 'wecom-kf',
        sourceRecordId: 'from_msgid_4622416642169452483',
        direction: 'inbound',
        occurredAt: '2021-03-12T00:03:05+08:00',
        customer: { wecomUserId: 'wmAJ2GCAAAme1XQRC-NI-q0_ZM9ukoAw' },
        participants: [{ wecomUserId: 'wmAJ2GCAAAme1XQRC-NI-q0_ZM9ukoAw', role: 'customer' }, { wecomUserId: 'Zhangsan', role: 'agent', internal: true }],
        threadId: 'wecom:kf:wkAJ2GCAAASSm4_FhToWMFea0xAFfd3Q:wmAJ2GCAAAme1XQRC-NI-q0_ZM9ukoAw',
        metadata: { unsupported: true, openKfId: 'wkAJ2GCAAASSm4_FhToWMFea0xAFfd3Q' },
      },
    ]);
    expect(result.skipped).toEqual([
      { id: '#1', reason: 'event user_recall_msg (recalls RECALL_MSGID) is not a communication' },
      { id: '#2', reason: 'event servicer_recall_msg (recalls RECALL_MSGID) is not a communication' },
      ...[3, 4, 5, 6].map((i) => ({ id: `#${i}`, reason: 'no msgid: cannot be deduplicated' })),
    ]);
  });

  it('maps every fixture message type once it has an id, a time and an origin', () => {
    // Prepare
    const response = JSON.parse(read('api/kf-sync_msg-response.json')) as { msg_list: Record<string, unknown>[] };
    const frame = { open_kfid: 'wkA', external_userid: 'wmAJ2GCAAAme1XQRC-NI-q0_ZM9ukoAw', servicer_userid: 'Zhangsan', send_time: 1665649618, origin: 5 };
    response.msg_list = response.msg_list.filter((m) => m.msgtype !== 'event' && m.msgtype !== 'MSG_TYPE').map((m, i) => ({ ...m, ...frame, msgid: `m${i}` }));
    response.msg_list.push({ ...frame, msgid: 'loc', origin: 3, msgtype: 'location', location: { latitude: 23.1, longitude: 113.3, name: '广州塔', address: '广州市海珠区' } });
    response.msg_list.push({ ...frame, msgid: 'img', origin: 3, msgtype: 'image', image: { media_id: 'MEDIA_1' } });

    // Act
    const result = normalizeKfMessages(response, tenant);

    // Assess
    expect(result.skipped).toEqual([]);
    expect(result.items.map((item) => CommunicationInput.parse(item))).toMatchObject([
      { direction: 'outbound', content: 'Product: TITLE\nPrice: 0.00 CNY\nSHOP_NICKNAME' },
      { content: 'Order ORDER_ID: PRODUCT_TITLES\nPRICE_WORDING\nSTATE\nSHOP_NICKNAME' },
      { content: 'Channels: 视频号名称\n动态标题' },
      { subject: '群聊的聊天记录', content: '群聊的聊天记录\n- 发送者: 消息内容' },
      { direction: 'inbound', location: { latitude: 23.1, longitude: 113.3, address: '广州市海珠区' } },
      { attachments: [{ url: 'wecom-media:MEDIA_1', fileName: 'image-img.jpg' }] },
    ]);
  });

  it('property: mutated kf messages yield valid items or reasoned skips, never an exception', () => {
    const base = { msgid: 'm', open_kfid: 'wk', external_userid: 'wmAJ2GCAAAme1XQRC-NI-q0_ZM9ukoAw', send_time: 1615478585, origin: 3, msgtype: 'text', text: { content: 'hi' } };
    const keys = fc.constantFrom('msgid', 'send_time', 'origin', 'msgtype', 'text', 'location', 'image', 'merged_msg', 'msgmenu', 'event', 'external_userid');
    const item = fc.dictionary(keys, fc.oneof(fc.jsonValue(), fc.constantFrom('location', 'image', 'merged_msg', 'msgmenu', 'event'))).map((patch) => ({ ...base, ...patch }));
    fc.assert(
      fc.property(fc.array(item, { maxLength: 5 }), (msgList) => {
        const result = normalizeKfMessages({ errcode: 0, msg_list: msgList }, tenant);
        expect(result.items.length + result.skipped.length).toBe(msgList.length);
        result.items.forEach((record) => CommunicationInput.parse(record));
      }),
      { numRuns: 300 },
    );
  });

  it('refuses a failed or shapeless response', () => {
    expect(() => normalizeKfMessages('{"errcode":95007,"errmsg":"invalid msg token"}', tenant)).toThrow(/errcode 95007/);
    expect(() => normalizeKfMessages({ errcode: 0 }, tenant)).toThrow(PayloadError);
  });

  it('reports chatdata/sync_msg entries as skipped: they must be decrypted with the private key first', () => {
    expect(normalizeChatDataMessages(read('api/chatdata-sync_msg-response.json'))).toEqual({
      items: [],
      skipped: [{ id: 'xxxmsgid', reason: expect.stringMatching(/content encrypted for public key version 1/) }],
    });
  });
});
