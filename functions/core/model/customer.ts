import * as z from 'zod';

const idList = (item: z.ZodString) => z.array(item).max(100).default([]);

/** The body of `PUT /v1/customers/{customerId}`. Identities listed here route records to the customer. */
export const CustomerInput = z
  .object({
    name: z.string().min(1).max(200),
    domains: idList(z.string().min(3).max(253).regex(/^[a-z0-9.-]+\.[a-z]{2,}$/i, 'a domain such as example.com')),
    emails: idList(z.string().email().max(320)),
    phones: idList(z.string().min(3).max(40)),
    wecomUserIds: idList(z.string().min(1).max(128)),
    owner: z.string().max(200).optional(),
    priority: z.enum(['high', 'normal', 'low']).default('normal'),
    tags: z.array(z.string().max(100)).max(50).default([]),
  })
  .strict();
export type CustomerInput = z.infer<typeof CustomerInput>;

export const Customer = CustomerInput.extend({
  customerId: z.string(),
  tenantId: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
  version: z.number().int(),
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
export const CustomerSummary = Customer.pick({ customerId: true, name: true, domains: true, emails: true, owner: true, priority: true });
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
