import type { AddressObject, EmailAddress as MailparserAddress, HeaderValue } from 'mailparser';

/** One mailbox of an address header. `address` is `''` when the header named nobody reachable. */
export interface EmailAddress {
  readonly name: string;
  readonly address: string;
}

const BRACKETED = /^(.*?)\s*<([^<>\s]+@[^<>\s]+)>\s*$/;

/**
 * A display name that is really a whole mailbox: `=?unknown-8bit?q?=22test=22_=3Ctest=40test.com=3E?=`
 * decodes to `"test" <test@test.com>`, which mailparser keeps as the *name* with an empty address
 * (`demisto-unknown-8bit-headers.eml`). Re-read it as name + address.
 */
function unwrapEncodedMailbox(entry: EmailAddress): EmailAddress {
  if (entry.address !== '') return entry;
  const match = BRACKETED.exec(entry.name);
  if (!match) return entry;
  return { name: (match[1] ?? '').trim().replace(/^"(.*)"$/, '$1'), address: match[2] ?? '' };
}

function flatten(entries: readonly MailparserAddress[], into: EmailAddress[]): void {
  for (const entry of entries) {
    // RFC 5322 groups: `Undisclosed Recipients:;` names nobody (`webklex-undisclosed-recipients.eml`).
    if (entry.group !== undefined) {
      flatten(entry.group, into);
      continue;
    }
    const mailbox = unwrapEncodedMailbox({ name: (entry.name ?? '').trim(), address: (entry.address ?? '').trim() });
    if (mailbox.name !== '' || mailbox.address !== '') into.push(mailbox);
  }
}

function isAddressObject(value: unknown): value is AddressObject {
  return typeof value === 'object' && value !== null && Array.isArray((value as AddressObject).value);
}

/**
 * The mailboxes of a parsed address header (`From`, `To`, `Cc`, `Bcc`, `Reply-To`), groups expanded,
 * whether mailparser returned one object or several (one per repeated header).
 */
export function mailboxesOf(value: HeaderValue | undefined): EmailAddress[] {
  const objects = (Array.isArray(value) ? value : [value]).filter(isAddressObject);
  const mailboxes: EmailAddress[] = [];
  for (const object of objects) flatten(object.value, mailboxes);
  return mailboxes;
}
