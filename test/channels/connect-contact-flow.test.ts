import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { PayloadError } from '../../functions/core/channels/channel-adapter.js';
import { normalizeContactFlowEvent } from '../../functions/channels/connect/contact-flow-event.js';

const fixture = (name: string) => JSON.parse(readFileSync(new URL(`../../../shared/fixtures/connect/${name}`, import.meta.url), 'utf8')) as unknown;

describe('normalizeContactFlowEvent', () => {
  it('reads the powertools "all fields" event: caller, queue, attributes and parameters', () => {
    // Act
    const contact = normalizeContactFlowEvent(fixture('contact-flow-lambda-event-all.powertools.json'));

    // Assess
    expect(contact).toEqual({
      contactId: '5ca32fbd-8f92-46af-92a5-6b0f970f0efe',
      initialContactId: '5ca32fbd-8f92-46af-92a5-6b0f970f0efe',
      previousContactId: '5ca32fbd-8f92-46af-92a5-6b0f970f0efe',
      channel: 'VOICE',
      initiationMethod: 'API',
      direction: 'outbound',
      instanceArn: 'arn:aws:connect:eu-central-1:123456789012:instance/9308c2a1-9bc6-4cea-8290-6c0b4a6d38fa',
      customerAddress: '+11234567890',
      customerPhone: '+11234567890',
      systemAddress: '+11234567890',
      queueName: 'QueueOne',
      attributes: { Language: 'en-US' },
      parameters: { ParameterOne: 'One', ParameterTwo: 'Two' },
    });
  });

  it('reads the powertools "minimal" event, whose endpoints and queue are null', () => {
    // Act
    const contact = normalizeContactFlowEvent(fixture('contact-flow-lambda-event-min.powertools.json'));

    // Assess
    expect(contact).toEqual({
      contactId: '5ca32fbd-8f92-46af-92a5-6b0f970f0efe',
      initialContactId: '5ca32fbd-8f92-46af-92a5-6b0f970f0efe',
      previousContactId: '5ca32fbd-8f92-46af-92a5-6b0f970f0efe',
      channel: 'VOICE',
      initiationMethod: 'API',
      direction: 'outbound',
      instanceArn: 'arn:aws:connect:eu-central-1:123456789012:instance/9308c2a1-9bc6-4cea-8290-6c0b4a6d38fa',
      attributes: {},
      parameters: {},
    });
  });

  it('reads the aws-lambda-go event: "Voice", an empty ARN, a placeholder initiation method', () => {
    // Act
    const contact = normalizeContactFlowEvent(fixture('contact-flow-lambda-event.lambda-go.json'));

    // Assess: the sample's "INBOUND/OUTBOUND/TRANSFER/CALLBACK" is kept but says no direction;
    // its system number 01234567 is too short to be a phone number, so it stays as sent.
    expect(contact).toEqual({
      contactId: 'ASDAcxcasDFSSDFs',
      initialContactId: 'Acxsada-asdasdaxA',
      previousContactId: 'Acxsada-asdasdaxA',
      channel: 'VOICE',
      initiationMethod: 'INBOUND/OUTBOUND/TRANSFER/CALLBACK',
      customerAddress: '+14802021091',
      customerPhone: '+14802021091',
      systemAddress: '01234567',
      queueName: 'PrimaryPhoneQueue',
      attributes: { key1: 'value', key2: 'value' },
      parameters: { key1: 'value1', key2: 'value2' },
    });
  });

  it('normalises a Chinese caller to E.164', () => {
    // Prepare
    const event = fixture('contact-flow-lambda-event-all.powertools.json') as { Details: { ContactData: Record<string, unknown> } };
    event.Details.ContactData.CustomerEndpoint = { Address: '13800138000', Type: 'TELEPHONE_NUMBER' };
    event.Details.ContactData.InitiationMethod = 'INBOUND';

    // Act
    const contact = normalizeContactFlowEvent(event);

    // Assess
    expect(contact).toMatchObject({ customerAddress: '13800138000', customerPhone: '+8613800138000', direction: 'inbound' });
  });

  it.each([
    ['not an object', 'hello', /\(body\)/],
    ['no ContactId', { Name: 'ContactFlowEvent', Details: { ContactData: { Channel: 'VOICE' }, Parameters: {} } }, /Details\.ContactData\.ContactId/],
    ['attributes that are not strings', { Name: 'x', Details: { ContactData: { ContactId: 'c', Channel: 'VOICE', Attributes: { n: 1 } } } }, /Details\.ContactData\.Attributes\.n/],
  ])('refuses %s with a PayloadError naming the field', (_case, event, message) => {
    expect(() => normalizeContactFlowEvent(event)).toThrow(PayloadError);
    expect(() => normalizeContactFlowEvent(event)).toThrow(message);
  });
});
