import { useCallback, useEffect, useRef, useState } from 'react';
import { toastError } from '../api';

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

/**
 * Cursor paging over any list action. A new `key` restarts from the first page; a page that answers
 * after the key changed is dropped. `refresh` reloads the first page in place (after an action).
 */
export function useCursorPages<T, P extends Page<T> = Page<T>>(
  key: string,
  fetchPage: (cursor?: string) => Promise<P>,
) {
  const [items, setItems] = useState<T[]>([]);
  const [last, setLast] = useState<P>();
  const [loading, setLoading] = useState(true);
  const [failed, setFailed] = useState(false);
  const generation = useRef(0);
  const busy = useRef(false);
  const fetchRef = useRef(fetchPage);
  fetchRef.current = fetchPage;

  const load = useCallback(async (cursor: string | undefined, gen: number) => {
    busy.current = true;
    setLoading(true);
    try {
      const page = await fetchRef.current(cursor);
      if (gen !== generation.current) return;
      setItems((prev) => (cursor ? [...prev, ...page.items] : page.items));
      setLast(page);
      setFailed(false);
    } catch (err) {
      if (gen === generation.current) setFailed(true);
      toastError(err);
    } finally {
      if (gen === generation.current) {
        busy.current = false;
        setLoading(false);
      }
    }
  }, []);

  const refresh = useCallback(() => {
    const gen = ++generation.current;
    void load(undefined, gen);
  }, [load]);

  useEffect(() => {
    setItems([]);
    setLast(undefined);
    refresh();
  }, [key, refresh]);

  const loadMore = useCallback(() => {
    if (busy.current || !last?.nextCursor) return;
    void load(last.nextCursor, generation.current);
  }, [load, last]);

  return {
    items,
    last,
    loading,
    failed,
    done: !!last && !last.nextCursor,
    firstLoad: loading && !last,
    loadMore,
    refresh,
  };
}
