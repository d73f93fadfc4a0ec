import { useCallback, useEffect, useRef, useState } from 'react';
import { toastError } from '../api';

export interface Remote<T> {
  data: T | undefined;
  loading: boolean;
  error: unknown;
  reload: () => Promise<void>;
}

/**
 * Loads server data for a page: tracks loading and error, toasts every failure,
 * and drops answers that arrive after a newer request (switching category fast, say).
 */
export function useRemote<T>(load: () => Promise<T>, deps: readonly unknown[]): Remote<T> {
  const [data, setData] = useState<T>();
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<unknown>();
  const seq = useRef(0);

  // `load` is a new closure on every render; the caller's `deps` (what it reads) say when it changes.
  const run = useCallback(load, deps);

  const reload = useCallback(async () => {
    const mine = ++seq.current;
    setLoading(true);
    setError(undefined);
    try {
      const value = await run();
      if (mine === seq.current) setData(value);
    } catch (err) {
      if (mine === seq.current) setError(err);
      toastError(err);
    } finally {
      if (mine === seq.current) setLoading(false);
    }
  }, [run]);

  useEffect(() => {
    void reload();
  }, [reload]);

  return { data, loading, error, reload };
}
