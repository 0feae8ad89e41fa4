/** Remembers signed deliveries for their replay window, so a captured request cannot be replayed. */
export interface ReplayGuard {
  /** `true` the first time `key` is seen for this tenant and channel before `expiresAt`; `false` for a replay. */
  firstUse(tenantId: string, channel: string, key: string, expiresAt: Date): Promise<boolean>;
  /** Forgets a key whose delivery could not be processed, so the sender's retry is not taken for a replay. */
  release(tenantId: string, channel: string, key: string): Promise<void>;
}
