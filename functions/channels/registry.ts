import type { ChannelAdapter, WebhookChannel } from '../core/channels/channel-adapter.js';

/**
 * The adapter behind each webhook channel of `/v1/webhooks/{tenantId}/{channel}`. A channel not
 * listed answers 404, like an unknown tenant.
 */
export const CHANNEL_ADAPTERS: Partial<Record<WebhookChannel, ChannelAdapter<unknown>>> = {};

export function adapterFor(channel: string): ChannelAdapter<unknown> | undefined {
  return Object.hasOwn(CHANNEL_ADAPTERS, channel) ? CHANNEL_ADAPTERS[channel as WebhookChannel] : undefined;
}
