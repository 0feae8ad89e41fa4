import * as z from '../zod.js';

/** A person taking part in a communication; any one identity field is enough. */
export const Participant = z.object({
  name: z.optional(z.string().check(z.maxLength(200))),
  email: z.optional(z.string().check(z.email(), z.maxLength(320))),
  phone: z.optional(z.string().check(z.maxLength(40))),
  wecomUserId: z.optional(z.string().check(z.maxLength(128))),
  staffId: z.optional(z.string().check(z.maxLength(128))),
  role: z.optional(z.enum(['from', 'to', 'cc', 'host', 'attendee', 'agent', 'customer'])),
  internal: z.optional(z.boolean()),
});
export type Participant = z.infer<typeof Participant>;
