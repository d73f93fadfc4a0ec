import { call, type ProductSummary } from '../api';
import { useCursorPages } from './useCursorPages';

interface Query {
  categoryId?: string;
  keyword?: string;
}

const PAGE_SIZE = 10;

/** Cursor paging over `catalog.listProducts`; a new query restarts from the first page. */
export function useProductPages(query: Query) {
  const feed = useCursorPages<ProductSummary>(`${query.categoryId ?? ''}|${query.keyword ?? ''}`, (cursor) =>
    call('catalog.listProducts', {
      ...(query.categoryId ? { categoryId: query.categoryId } : {}),
      ...(query.keyword ? { keyword: query.keyword } : {}),
      ...(cursor ? { cursor } : {}),
      limit: PAGE_SIZE,
    }),
  );
  // After a failure: the next page if some are shown, else the first page again.
  return { ...feed, retry: feed.items.length ? feed.loadMore : feed.refresh };
}
