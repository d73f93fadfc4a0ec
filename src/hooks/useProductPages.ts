import { call, type ActionInput, type ProductSummary } from '../api';
import { useCursorPages } from './useCursorPages';

/** 综合 / 销量 / 价格 up or down / 新品: the server orders the list. */
export type ProductSort = NonNullable<ActionInput<'catalog.listProducts'>['sort']>;

interface Query {
  categoryId?: string;
  keyword?: string;
  sort?: ProductSort;
}

const PAGE_SIZE = 10;

/** Cursor paging over `catalog.listProducts`; a new query restarts from the first page. */
export function useProductPages(query: Query) {
  const key = `${query.categoryId ?? ''}|${query.keyword ?? ''}|${query.sort ?? 'default'}`;
  const feed = useCursorPages<ProductSummary>(key, (cursor) =>
    call('catalog.listProducts', {
      ...(query.categoryId ? { categoryId: query.categoryId } : {}),
      ...(query.keyword ? { keyword: query.keyword } : {}),
      ...(query.sort && query.sort !== 'default' ? { sort: query.sort } : {}),
      ...(cursor ? { cursor } : {}),
      limit: PAGE_SIZE,
    }),
  );
  // After a failure: the next page if some are shown, else the first page again.
  return { ...feed, retry: feed.items.length ? feed.loadMore : feed.refresh };
}
