import { PayloadError } from '../../core/channels/channel-adapter.js';
import { CommunicationInput } from '../../core/model/communication-input.js';

/**
 * Validates what a channel normaliser built against the canonical schema, so an adapter can only
 * return items `POST /v1/communications` would accept. A vendor value that breaks a limit (an id
 * longer than 128 characters, a body over 1 MB) becomes a `PayloadError` naming the field.
 * @example parseCommunicationInput({ sourceSystem: 'wecom', … }, 'WeCom message 123')
 */
export function parseCommunicationInput(candidate: unknown, what: string): CommunicationInput {
  const result = CommunicationInput.safeParse(candidate);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const path = issue?.path.map(String).join('.') ?? '';
  throw new PayloadError(`${what}: ${path === '' ? '' : `${path}: `}${issue?.message ?? 'invalid'}`, { cause: result.error });
}
