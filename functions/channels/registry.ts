import type { ChannelAdapter, WebhookChannel } from '../core/channels/channel-adapter.js';
import { connectAdapter } from './connect/connect-adapter.js';
import { dingtalkAdapter } from './dingtalk/dingtalk-adapter.js';
import { teamsAdapter } from './teams/teams-adapter.js';
import { telephonyAdapter } from './telephony/telephony-adapter.js';
import { tencentMeetingAdapter } from './tencent-meeting/tencent-meeting-adapter.js';
import { wecomAdapter } from './wecom/wecom-adapter.js';
import { zoomAdapter } from './zoom/zoom-adapter.js';

/** The adapter behind each webhook channel of `/v1/webhooks/{tenantId}/{channel}`. */
export const CHANNEL_ADAPTERS: Readonly<Record<WebhookChannel, ChannelAdapter<unknown>>> = {
  wecom: wecomAdapter as ChannelAdapter<unknown>,
  zoom: zoomAdapter as ChannelAdapter<unknown>,
  teams: teamsAdapter as ChannelAdapter<unknown>,
  'tencent-meeting': tencentMeetingAdapter as ChannelAdapter<unknown>,
  dingtalk: dingtalkAdapter as ChannelAdapter<unknown>,
  telephony: telephonyAdapter as ChannelAdapter<unknown>,
  connect: connectAdapter as ChannelAdapter<unknown>,
};

/** `undefined` for a channel that does not exist (answered 404, like an unknown tenant). */
export function adapterFor(channel: string): ChannelAdapter<unknown> | undefined {
  return Object.hasOwn(CHANNEL_ADAPTERS, channel) ? CHANNEL_ADAPTERS[channel as WebhookChannel] : undefined;
}
