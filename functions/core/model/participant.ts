import * as z from 'zod';

/** A person taking part in a communication; any one identity field is enough. */
export const Participant = z.object({
  name: z.string().max(200).optional(),
  email: z.string().email().max(320).optional(),
  phone: z.string().max(40).optional(),
  wecomUserId: z.string().max(128).optional(),
  staffId: z.string().max(128).optional(),
  role: z.enum(['from', 'to', 'cc', 'host', 'attendee', 'agent', 'customer']).optional(),
  internal: z.boolean().optional(),
});
export type Participant = z.infer<typeof Participant>;
