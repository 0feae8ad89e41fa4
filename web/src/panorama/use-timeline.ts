import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import type { TimelineFilter } from '../api/api-client.js';
import type { TimelineRecord } from '../api/api-types.js';
import { useApp } from '../app-context.js';

export interface TimelineState {
  readonly items: readonly TimelineRecord[];
  readonly loading: boolean;
  readonly error: Error | undefined;
  /** Whether the API said there is more (`nextCursor`). */
  readonly hasMore: boolean;
  readonly loadMore: () => void;
}

/**
 * A customer's timeline over the cursor API: the first page when the customer or filter changes,
 * the next on `loadMore` (one request at a time; answers for an old filter are dropped).
 */
export function useTimeline(customerId: string, filter: TimelineFilter, pageSize: number): TimelineState {
  const { api } = useApp();
  const [items, setItems] = useState<TimelineRecord[]>([]);
  const [cursor, setCursor] = useState<string | null>(null);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<Error | undefined>();
  const generation = useRef(0);
  const inFlight = useRef(false);
  const filterKey = JSON.stringify(filter);

  const fetchPage = useCallback(
    (after: string | undefined, reset: boolean) => {
      const id = reset ? ++generation.current : generation.current;
      inFlight.current = true;
      setLoading(true);
      setError(undefined);
      api.timeline(customerId, filter, pageSize, after).then(
        (page) => {
          if (id !== generation.current) return;
          setItems((previous) => (reset ? page.items : [...previous, ...page.items]));
          setCursor(page.nextCursor);
          setLoading(false);
          inFlight.current = false;
        },
        (failure: unknown) => {
          if (id !== generation.current) return;
          setError(failure as Error);
          setLoading(false);
          inFlight.current = false;
        },
      );
    },
    // The filter is compared by value (filterKey): a new object with the same filter is no new query.
    [api, customerId, filterKey, pageSize],
  );

  useEffect(() => {
    setItems([]);
    setCursor(null);
    fetchPage(undefined, true);
  }, [fetchPage]);

  const loadMore = useCallback(() => {
    if (inFlight.current || cursor === null) return;
    fetchPage(cursor, false);
  }, [cursor, fetchPage]);

  return { items, loading, error, hasMore: cursor !== null, loadMore };
}
