import * as z from '../zod.js';

const idList = (item: z.ZodMiniString) => z._default(z.array(item).check(z.maxLength(100)), []);

/** The body of `PUT /v1/customers/{customerId}`. Identities listed here route records to the customer. */
export const CustomerInput = z.strictObject({
  name: z.string().check(z.minLength(1), z.maxLength(200)),
  domains: idList(z.string().check(z.minLength(3), z.maxLength(253), z.regex(/^[a-z0-9.-]+\.[a-z]{2,}$/i, 'a domain such as example.com'))),
  emails: idList(z.string().check(z.email(), z.maxLength(320))),
  phones: idList(z.string().check(z.minLength(3), z.maxLength(40))),
  wecomUserIds: idList(z.string().check(z.minLength(1), z.maxLength(128))),
  owner: z.optional(z.string().check(z.maxLength(200))),
  priority: z._default(z.enum(['high', 'normal', 'low']), 'normal'),
  tags: z._default(z.array(z.string().check(z.maxLength(100))).check(z.maxLength(50)), []),
});
export type CustomerInput = z.infer<typeof CustomerInput>;

export const Customer = z.extend(CustomerInput, {
  customerId: z.string(),
  tenantId: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
  version: z.number().check(z.int()),
});
export type Customer = z.infer<typeof Customer>;

/** Kinds of identity that map to a customer; the identity index is keyed by kind and normalised value. */
export const IDENTITY_KINDS = ['email', 'domain', 'phone', 'wecom'] as const;
export type IdentityKind = (typeof IDENTITY_KINDS)[number];
export interface Identity {
  readonly kind: IdentityKind;
  readonly value: string;
}

/** A customer as the directory lists it (`GET /v1/customers`): what a picker shows, from the stored profile. */
export const CustomerSummary = z.pick(Customer, { customerId: true, name: true, domains: true, emails: true, owner: true, priority: true });
export type CustomerSummary = z.infer<typeof CustomerSummary>;

/** Summarises a stored profile for a listing. */
export const customerSummaryOf = (customer: Customer): CustomerSummary => ({
  customerId: customer.customerId,
  name: customer.name,
  domains: customer.domains,
  emails: customer.emails,
  ...(customer.owner === undefined ? {} : { owner: customer.owner }),
  priority: customer.priority,
});
