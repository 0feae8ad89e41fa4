/**
 * Counts keys and ranks them: most frequent first, a tie going to the key seen most recently (a
 * customer's habit is better told by what they did lately), then to the smaller key so the order
 * never depends on input order.
 */
export class RankedCounts<K extends string | number> {
  private readonly entries = new Map<K, { count: number; lastAt: number }>();

  /** Counts one occurrence of `key` at the instant `at` (epoch ms). */
  add(key: K, at: number): void {
    const entry = this.entries.get(key);
    if (entry === undefined) this.entries.set(key, { count: 1, lastAt: at });
    else {
      entry.count += 1;
      entry.lastAt = Math.max(entry.lastAt, at);
    }
  }

  /** Occurrences per key. */
  counts(): Map<K, number> {
    return new Map([...this.entries].map(([key, { count }]) => [key, count]));
  }

  /** Total occurrences of all keys. */
  total(): number {
    let total = 0;
    for (const { count } of this.entries.values()) total += count;
    return total;
  }

  /**
   * The keys, best first, at most `limit` of them.
   *
   * @example
   * const hours = new RankedCounts<number>();
   * hours.add(9, 1); hours.add(14, 2);
   * hours.ranked(1) // [14]: one each, 14 was seen last
   */
  ranked(limit = Number.POSITIVE_INFINITY): K[] {
    return [...this.entries]
      .sort(([keyA, a], [keyB, b]) => b.count - a.count || b.lastAt - a.lastAt || (keyA < keyB ? -1 : keyA > keyB ? 1 : 0))
      .slice(0, limit)
      .map(([key]) => key);
  }
}
