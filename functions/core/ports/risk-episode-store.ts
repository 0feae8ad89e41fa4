/** An open risk episode: the alert raised for one kind of risk, which later runs refresh. */
export interface RiskEpisode {
  readonly insightId: string;
  readonly startedAt: string;
  readonly lastSeenAt: string;
}

/** A customer's open risk episodes by risk type, with the version a save is conditioned on. */
export interface RiskEpisodes {
  readonly episodes: Readonly<Record<string, RiskEpisode>>;
  /** 0 when nothing was saved yet. */
  readonly version: number;
  /**
   * The newest record (`<occurredAt>#<recordId>`) the last A14 assessment read: the five-minute risk
   * check skips a customer with nothing newer. Absent before the first assessment.
   */
  readonly checkedThrough?: string;
}

export class RiskEpisodesChangedError extends Error {
  override readonly name = 'RiskEpisodesChanged';
}

/**
 * Which risk alerts of a customer are open, so a signal that persists refreshes its alert instead of
 * raising a new one every run, and a signal that ends and comes back later raises a new one.
 */
export interface RiskEpisodeStore {
  getRiskEpisodes(tenantId: string, customerId: string): Promise<RiskEpisodes>;
  /**
   * Saves when the stored version is still `expectedVersion`; throws `RiskEpisodesChangedError`
   * otherwise. `checkedThrough` absent keeps none.
   */
  saveRiskEpisodes(tenantId: string, customerId: string, episodes: Readonly<Record<string, RiskEpisode>>, expectedVersion: number, checkedThrough?: string): Promise<void>;
  /** Forgets a customer's risk episodes (the customer is being deleted); `false` when there were none. */
  deleteRiskEpisodes(tenantId: string, customerId: string): Promise<boolean>;
}
