import { createHash } from 'node:crypto';

/**
 * Longest id kept verbatim: `threadId` allows 512 characters and carries an `email:` prefix. Longer
 * (hostile or broken) ids are replaced by a digest, which still dedups and threads consistently.
 */
const MAX_ID_LENGTH = 500;

function bounded(id: string): string {
  return id.length <= MAX_ID_LENGTH ? id : `sha256:${createHash('sha256').update(id).digest('hex')}`;
}

/**
 * The msg-ids of a `Message-ID`, `In-Reply-To` or `References` value (RFC 5322 §3.6.4) in one
 * normalised form: **without angle brackets**, surrounding and folded-in whitespace removed, case
 * kept (the left part is case-sensitive). Values without brackets are accepted token by token when
 * they look like `left@right`; an empty header yields `[]` (`rubymail-empty-in-reply-to.eml`).
 *
 * @example messageIdList('<a@x> (comment) <b@y>') // ['a@x', 'b@y']
 */
export function messageIdList(value: string | undefined): string[] {
  if (value === undefined) return [];
  const bracketed = value.match(/<[^<>]*>/g);
  const candidates = bracketed
    ? bracketed.map((token) => token.slice(1, -1))
    : value.replace(/\([^)]*\)/g, ' ').split(/[\s,]+/).filter((token) => token.includes('@'));
  const ids = candidates.map((id) => id.replace(/\s+/g, '')).filter((id) => id.length > 0);
  return [...new Set(ids)].map(bounded);
}

/** The first msg-id of a header value, normalised as in `messageIdList`, or `null`. */
export function firstMessageId(value: string | undefined): string | null {
  return messageIdList(value)[0] ?? null;
}
