import { useDidShow, useRouter } from '@tarojs/taro';
import { useCallback, useEffect, useState } from 'react';

type Params = Record<string, string | undefined>;

/** The path and query of the address bar (the H5 router runs in hash mode). */
function liveRoute(): { path: string; params: Params } {
  const hash = window.location.hash.replace(/^#/, '');
  const [path = '', query = ''] = hash.split('?');
  return { path, params: Object.fromEntries(new URLSearchParams(query)) };
}

function sameParams(a: Params, b: Params): boolean {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  return [...keys].every((k) => a[k] === b[k]);
}

/**
 * A page's query that follows the address bar. Taro's H5 router keeps pages in a stack keyed by path
 * only: opening `/packages/goods/detail?id=B` while a detail page of A is in the stack (a shared link
 * pasted after a purchase, the browser's back and forward) shows that cached page of A again, and
 * `useRouter().params` — read once when the page was created — still says A. On H5 this hook reads the
 * query again whenever the page shows or the address changes while it is this page's path; on weapp
 * every navigation creates a new page, so the router's params are the truth.
 */
export function useRouteParams(): Params {
  const router = useRouter();
  const [params, setParams] = useState<Params>(router.params);
  const ownPath = router.path.split('?')[0];

  const sync = useCallback(() => {
    if (process.env.TARO_ENV !== 'h5') return;
    const live = liveRoute();
    // Another page's address (this page hidden in the stack) says nothing about this page.
    if (live.path !== ownPath) return;
    setParams((prev) => (sameParams(prev, live.params) ? prev : live.params));
  }, [ownPath]);

  useDidShow(sync);
  useEffect(() => {
    if (process.env.TARO_ENV !== 'h5') return undefined;
    sync();
    window.addEventListener('hashchange', sync);
    window.addEventListener('popstate', sync);
    return () => {
      window.removeEventListener('hashchange', sync);
      window.removeEventListener('popstate', sync);
    };
  }, [sync]);
  return params;
}
