import { useEffect, useRef, useState } from 'preact/hooks';

export interface AsyncState<T> {
  readonly data: T | undefined;
  readonly error: Error | undefined;
  readonly loading: boolean;
  /** Loads again (after a change), keeping the current data on screen meanwhile. */
  readonly reload: () => void;
}

/** Runs `load` when `deps` change (starting empty); answers of superseded runs are dropped. */
export function useAsync<T>(load: () => Promise<T>, deps: readonly unknown[]): AsyncState<T> {
  const [state, setState] = useState<{ data?: T; error?: Error; loading: boolean }>({ loading: true });
  const run = useRef(0);
  const latestLoad = useRef(load);
  latestLoad.current = load;
  const start = (keep: boolean) => {
    const id = ++run.current;
    setState((previous) => ({ data: keep ? previous.data : undefined, loading: true }));
    latestLoad.current().then(
      (data) => id === run.current && setState({ data, loading: false }),
      (error: unknown) => id === run.current && setState((previous) => ({ data: previous.data, error: error as Error, loading: false })),
    );
  };
  useEffect(() => {
    start(false);
    return () => {
      run.current++;
    };
  }, deps);
  return { data: state.data, error: state.error, loading: state.loading, reload: () => start(true) };
}
