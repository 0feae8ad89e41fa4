import * as z from '../../core/zod.js';
import { normalizePhone } from '../../core/model/identity.js';
import { compact, parseOrThrow } from '../signing/signed-json-payload.js';
import { directionOfInitiationMethod } from './connect-mapping.js';

const Endpoint = z.nullish(z.object({ Address: z.nullish(z.string().check(z.maxLength(256))), Type: z.nullish(z.string().check(z.maxLength(64))) }));
const StringMap = z.nullish(z.record(z.string(), z.string()));

/**
 * The event a contact flow's "Invoke AWS Lambda function" block sends
 * (https://docs.aws.amazon.com/connect/latest/adminguide/connect-lambda-functions.html).
 * Samples send `null` for absent endpoints and queue, and "" for an unknown instance ARN.
 */
export const ContactFlowEvent = z.object({
  Name: z.string().check(z.maxLength(128)),
  Details: z.object({
    ContactData: z.object({
      ContactId: z.string().check(z.minLength(1), z.maxLength(256)),
      InitialContactId: z.nullish(z.string().check(z.maxLength(256))),
      PreviousContactId: z.nullish(z.string().check(z.maxLength(256))),
      Channel: z.string().check(z.minLength(1), z.maxLength(32)),
      InstanceARN: z.nullish(z.string().check(z.maxLength(512))),
      InitiationMethod: z.nullish(z.string().check(z.maxLength(128))),
      CustomerEndpoint: Endpoint,
      SystemEndpoint: Endpoint,
      Queue: z.nullish(z.object({ Name: z.nullish(z.string().check(z.maxLength(256))), ARN: z.nullish(z.string().check(z.maxLength(512))) })),
      Attributes: StringMap,
    }),
    Parameters: StringMap,
  }),
});

/** What a flow Lambda needs of its invocation: who is calling, on which contact, with which attributes. */
export interface ContactFlowContact {
  readonly contactId: string;
  readonly initialContactId?: string;
  readonly previousContactId?: string;
  /** Upper-cased: `VOICE`, `CHAT`, `TASK`. */
  readonly channel: string;
  readonly initiationMethod?: string;
  readonly direction?: 'inbound' | 'outbound';
  readonly instanceArn?: string;
  /** The customer's number as sent, and as E.164 when it is a recognisable phone number. */
  readonly customerAddress?: string;
  readonly customerPhone?: string;
  readonly systemAddress?: string;
  readonly queueName?: string;
  readonly attributes: Readonly<Record<string, string>>;
  readonly parameters: Readonly<Record<string, string>>;
}

const present = (value: string | null | undefined) => (value === null || value === undefined || value.trim() === '' ? undefined : value);

/**
 * Reads a contact flow Lambda invocation. These are not webhook deliveries (Connect invokes the
 * Lambda and waits for its answer); a flow Lambda calls this to learn the contact and its caller.
 *
 * @throws PayloadError naming the field when the event is not a contact flow event.
 * @example
 * normalizeContactFlowEvent(event).customerPhone // '+14802021091'
 */
export function normalizeContactFlowEvent(event: unknown): ContactFlowContact {
  const { Details } = parseOrThrow(ContactFlowEvent, event, 'Amazon Connect contact flow event');
  const data = Details.ContactData;
  const customerAddress = present(data.CustomerEndpoint?.Address);
  const phone = customerAddress !== undefined && (data.CustomerEndpoint?.Type ?? 'TELEPHONE_NUMBER') === 'TELEPHONE_NUMBER' ? normalizePhone(customerAddress) : null;
  const direction = directionOfInitiationMethod(present(data.InitiationMethod));
  const contact: ContactFlowContact = {
    contactId: data.ContactId,
    initialContactId: present(data.InitialContactId),
    previousContactId: present(data.PreviousContactId),
    channel: data.Channel.toUpperCase(),
    initiationMethod: present(data.InitiationMethod),
    direction: direction ?? undefined,
    instanceArn: present(data.InstanceARN),
    customerAddress,
    customerPhone: phone ?? undefined,
    systemAddress: present(data.SystemEndpoint?.Address),
    queueName: present(data.Queue?.Name),
    attributes: data.Attributes ?? {},
    parameters: Details.Parameters ?? {},
  };
  return compact(contact);
}
