import type { CustomerHint } from '../model/communication-input.js';
import type { Identity } from '../model/customer.js';
import { emailDomain, isFreeMailDomain, normalizeEmail, normalizePhone } from '../model/identity.js';
import type { Participant } from '../model/participant.js';
import { identityKey, type CustomerStore } from '../ports/customer-store.js';

export interface CustomerMatch {
  readonly customerId: string | null;
  /** `explicit`, `wecom`, `phone`, `email`, `domain` — or `unmatched`. */
  readonly matchedBy: string;
}

/** The external (non-staff) identities a communication carries, strongest first. */
export function externalIdentities(hint: CustomerHint | undefined, participants: readonly Participant[]): Identity[] {
  const people = [hint ?? {}, ...participants.filter((p) => p.internal !== true && p.staffId === undefined)];
  const byKind: Record<Identity['kind'], Identity[]> = { wecom: [], phone: [], email: [], domain: [] };
  for (const person of people) {
    if (person.wecomUserId) byKind.wecom.push({ kind: 'wecom', value: person.wecomUserId.trim() });
    const phone = person.phone ? normalizePhone(person.phone) : null;
    if (phone) byKind.phone.push({ kind: 'phone', value: phone });
    if (person.email) {
      byKind.email.push({ kind: 'email', value: normalizeEmail(person.email) });
      const domain = emailDomain(person.email);
      if (domain && !isFreeMailDomain(domain)) byKind.domain.push({ kind: 'domain', value: domain });
    }
  }
  const seen = new Set<string>();
  return [...byKind.wecom, ...byKind.phone, ...byKind.email, ...byKind.domain].filter((identity) => {
    const key = identityKey(identity);
    return seen.has(key) ? false : (seen.add(key), true);
  });
}

/**
 * Finds the customer a communication is with, in the order of ARCHITECTURE.md: explicit id, then
 * channel identity (WeCom id, phone in E.164, email address), then company email domain (never a
 * free-mail domain); otherwise unmatched. One batched lookup, whatever the number of identities.
 */
export async function identifyCustomer(
  customers: CustomerStore,
  tenantId: string,
  hint: CustomerHint | undefined,
  participants: readonly Participant[],
): Promise<CustomerMatch> {
  if (hint?.id) return { customerId: hint.id, matchedBy: 'explicit' };
  const candidates = externalIdentities(hint, participants);
  if (candidates.length === 0) return { customerId: null, matchedBy: 'unmatched' };
  const owners = await customers.findCustomersByIdentities(tenantId, candidates);
  for (const identity of candidates) {
    const owner = owners.get(identityKey(identity));
    if (owner) return { customerId: owner, matchedBy: identity.kind };
  }
  return { customerId: null, matchedBy: 'unmatched' };
}
