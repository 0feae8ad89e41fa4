import { InvalidTransitionError } from '../errors.js';

/**
 * Decides a status change against an entity's state machine (`INSIGHT_TRANSITIONS`,
 * `TASK_TRANSITIONS`): `false` when the status is already `to` (nothing to do — a repeated change
 * is idempotent), `true` when the move is allowed, otherwise an `InvalidTransitionError` naming
 * what is allowed.
 *
 * @example
 * isStatusChange('insight I-1', INSIGHT_TRANSITIONS, 'new', 'read'); // true
 * isStatusChange('insight I-1', INSIGHT_TRANSITIONS, 'read', 'read'); // false
 * isStatusChange('insight I-1', INSIGHT_TRANSITIONS, 'dismissed', 'read'); // throws
 */
export function isStatusChange<S extends string>(entity: string, transitions: Readonly<Record<S, readonly S[]>>, from: S, to: S): boolean {
  if (from === to) return false;
  const allowed = transitions[from];
  if (allowed.includes(to)) return true;
  const next = allowed.length === 0 ? `${from} is final` : `from ${from} it may become ${allowed.join(', ')}`;
  const message = `${entity} is ${from}; its status cannot change to ${to} (${next})`;
  throw new InvalidTransitionError(message, [{ path: 'status', message: `${from} → ${to} is not allowed` }]);
}
