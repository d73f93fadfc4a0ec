import { useCallback, useEffect, useRef, useState } from 'react';
import { call, toastError, type ProductSummary } from '../api';

interface Query {
  categoryId?: string;
  keyword?: string;
}

const PAGE_SIZE = 10;

/**
 * Cursor paging over `catalog.listProducts`. A new query restarts from the first page; a page that
 * answers after the query changed is dropped.
 */
export function useProductPages(query: Query, enabled = true) {
  const [items, setItems] = useState<ProductSummary[]>([]);
  const [cursor, setCursor] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);
  const [done, setDone] = useState(false);
  const [failed, setFailed] = useState(false);
  const generation = useRef(0);
  const busy = useRef(false);
  const key = `${query.categoryId ?? ''}|${query.keyword ?? ''}`;

  const fetchPage = useCallback(
    async (from: string | null, gen: number) => {
      busy.current = true;
      setLoading(true);
      try {
        const page = await call('catalog.listProducts', {
          ...(query.categoryId ? { categoryId: query.categoryId } : {}),
          ...(query.keyword ? { keyword: query.keyword } : {}),
          ...(from ? { cursor: from } : {}),
          limit: PAGE_SIZE,
        });
        if (gen !== generation.current) return;
        setItems((prev) => (from ? [...prev, ...page.items] : page.items));
        setCursor(page.nextCursor);
        setDone(!page.nextCursor);
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
    },
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [key],
  );

  useEffect(() => {
    if (!enabled) return;
    const gen = ++generation.current;
    setItems([]);
    setCursor(null);
    setDone(false);
    void fetchPage(null, gen);
  }, [fetchPage, enabled]);

  const loadMore = useCallback(() => {
    if (busy.current || done || !cursor) return;
    void fetchPage(cursor, generation.current);
  }, [fetchPage, done, cursor]);

  const retry = useCallback(() => {
    void fetchPage(items.length ? cursor : null, generation.current);
  }, [fetchPage, items.length, cursor]);

  return { items, loading, done, failed, loadMore, retry, firstLoad: loading && items.length === 0 };
}
