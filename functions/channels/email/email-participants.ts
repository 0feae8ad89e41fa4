import { domainToASCII } from 'node:url';
import type { TenantContext } from '../../core/channels/channel-adapter.js';
import { emailDomain, normalizeEmail as normalizeEmailAddress } from '../../core/model/identity.js';
import { Participant } from '../../core/model/participant.js';
import type { EmailAddress, ParsedEmail } from './parsed-email.js';

const MAX_PARTICIPANTS = 500;
const MAX_NAME = 200;

/** A domain in the form the tenant settings use: lower case, IDNs as punycode (`bücher.de` → `xn--bcher-kva.de`). */
function asciiDomain(domain: string): string {
  return domainToASCII(domain.toLowerCase()) || domain.toLowerCase();
}

/**
 * Whether an address belongs to the tenant's staff: its domain is one of `internalDomains` or a
 * subdomain of one (`sales.example.com` for `example.com`).
 */
export function isInternalAddress(address: string, tenant: TenantContext): boolean {
  const domain = emailDomain(address);
  if (domain === null || domain === '') return false;
  const ascii = asciiDomain(domain);
  return tenant.internalDomains.some((internal) => {
    const own = asciiDomain(internal.trim());
    return own !== '' && (ascii === own || ascii.endsWith(`.${own}`));
  });
}

/** The address as the canonical schema accepts it (lower case, punycode domain), or `undefined`. */
function canonicalAddress(address: string): string | undefined {
  const at = address.lastIndexOf('@');
  if (at <= 0) return undefined;
  const candidate = `${normalizeEmailAddress(address.slice(0, at))}@${asciiDomain(address.slice(at + 1).trim())}`;
  return Participant.shape.email.safeParse(candidate).success ? candidate : undefined;
}

/** Participants of the communication, plus addresses the schema cannot hold (RFC 6532 local parts). */
export interface EmailParticipants {
  readonly participants: Participant[];
  readonly unrepresentable: string[];
}

/**
 * `From` (role `from`), `To` (`to`) and `Cc` (`cc`) as participants. An address the canonical
 * schema rejects (non-ASCII local part, `rubymail-rfc6532-utf8-headers.eml`; garbage bytes,
 * `imaptools-forwarded-raw8bit-to.eml`) keeps the person by name and is listed in
 * `unrepresentable`; a recipient without any address (`Undisclosed Recipients:;`) is dropped, a
 * sender without one (`From: no_host`) is kept by name.
 */
export function emailParticipants(parsed: ParsedEmail, tenant: TenantContext): EmailParticipants {
  const participants: Participant[] = [];
  const unrepresentable: string[] = [];
  const seen = new Set<string>();
  const add = (mailbox: EmailAddress, role: 'from' | 'to' | 'cc') => {
    if (participants.length >= MAX_PARTICIPANTS) return;
    const email = canonicalAddress(mailbox.address);
    const name = mailbox.name.slice(0, MAX_NAME);
    const key = `${role}:${email ?? mailbox.address.toLowerCase()}:${email === undefined ? name : ''}`;
    if (seen.has(key)) return;
    seen.add(key);
    const internal = isInternalAddress(mailbox.address, tenant);
    if (email !== undefined) {
      participants.push({ ...(name === '' ? {} : { name }), email, role, internal });
    } else if (mailbox.address !== '') {
      unrepresentable.push(mailbox.address.slice(0, 320));
      participants.push({ name: (name || mailbox.address).slice(0, MAX_NAME), role, internal });
    } else if (role === 'from' && name !== '') {
      participants.push({ name, role, internal: false });
    }
  };
  if (parsed.from !== null) add(parsed.from, 'from');
  for (const mailbox of parsed.to) add(mailbox, 'to');
  for (const mailbox of parsed.cc) add(mailbox, 'cc');
  return { participants, unrepresentable };
}
