import type { Identity } from './customer.js';

/**
 * Free-mail providers: their domain says nothing about which company writes, so a domain match is
 * never made on them.
 */
export const FREE_MAIL_DOMAINS: ReadonlySet<string> = new Set([
  'qq.com', 'foxmail.com', '163.com', '126.com', 'yeah.net', 'sina.com', 'sina.cn', 'sohu.com', '139.com',
  'aliyun.com', '189.cn', 'wo.cn', 'tom.com', '21cn.com', 'gmail.com', 'googlemail.com', 'outlook.com',
  'hotmail.com', 'live.com', 'msn.com', 'yahoo.com', 'yahoo.com.cn', 'icloud.com', 'me.com', 'proton.me',
  'protonmail.com', 'aol.com', 'mail.com', 'gmx.com', 'yandex.com',
]);

export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

export function emailDomain(email: string): string | null {
  const at = email.lastIndexOf('@');
  return at > 0 ? email.slice(at + 1).trim().toLowerCase() : null;
}

export function isFreeMailDomain(domain: string): boolean {
  return FREE_MAIL_DOMAINS.has(domain.toLowerCase());
}

/**
 * Normalises a phone number to E.164. Numbers without a country code are read as Chinese: mobiles
 * (1[3-9]x, 11 digits), 400/800 service numbers (10 digits) and landlines with a trunk `0`.
 * Returns `null` for strings that are not a plausible number.
 *
 * @example normalizePhone('138 0013 8000') // '+8613800138000'
 * @example normalizePhone('400-810-8888')  // '+864008108888'
 */
export function normalizePhone(raw: string): string | null {
  const trimmed = raw.trim();
  const digits = trimmed.replace(/[\s().-]/g, '');
  if (!/^\+?\d{5,20}$/.test(digits)) return null;
  if (digits.startsWith('+')) return digits.length >= 8 && digits.length <= 16 ? digits : null;
  if (digits.startsWith('00')) return normalizePhone(`+${digits.slice(2)}`);
  if (/^86(1[3-9]\d{9}|[48]00\d{7})$/.test(digits)) return `+${digits}`;
  if (/^1[3-9]\d{9}$/.test(digits)) return `+86${digits}`;
  if (/^[48]00\d{7}$/.test(digits)) return `+86${digits}`;
  if (/^0[1-9]\d{8,10}$/.test(digits)) return `+86${digits.slice(1)}`;
  return null;
}

/** The identities a customer hint or profile field yields, normalised; unusable values are skipped. */
export function identitiesOf(fields: {
  emails?: readonly string[];
  domains?: readonly string[];
  phones?: readonly string[];
  wecomUserIds?: readonly string[];
}): Identity[] {
  const out: Identity[] = [];
  for (const email of fields.emails ?? []) out.push({ kind: 'email', value: normalizeEmail(email) });
  for (const domain of fields.domains ?? []) {
    if (!isFreeMailDomain(domain)) out.push({ kind: 'domain', value: domain.trim().toLowerCase() });
  }
  for (const phone of fields.phones ?? []) {
    const e164 = normalizePhone(phone);
    if (e164) out.push({ kind: 'phone', value: e164 });
  }
  for (const id of fields.wecomUserIds ?? []) out.push({ kind: 'wecom', value: id.trim() });
  const seen = new Set<string>();
  return out.filter((identity) => {
    const key = `${identity.kind}:${identity.value}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
