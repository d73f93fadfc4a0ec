/**
 * A link a friend can open. On H5 a mini-program path (`/packages/invite/landing?inv=X`) means nothing
 * outside this tab, so it becomes absolute: the configured public base URL (`TARO_APP_PUBLIC_BASE_URL`,
 * the address the shop's H5 is served at), else the page's own origin and path, then the hash route
 * (the H5 router runs in hash mode). On weapp the path is what the share card carries: unchanged.
 */
export function shareLink(path: string): string {
  if (process.env.TARO_ENV !== 'h5') return path;
  const configured = process.env.TARO_APP_PUBLIC_BASE_URL ?? '';
  const base = configured || `${window.location.origin}${window.location.pathname}`;
  return absoluteShareLink(path, base);
}

/**
 * `base` + `#` + the path (a bare origin gets its `/`; `/h5/` and `/index.html` are kept as they are);
 * a path that is already a URL passes through.
 */
export function absoluteShareLink(path: string, base: string): string {
  if (/^https?:\/\//i.test(path)) return path;
  let root = base.replace(/[?#].*$/, '');
  if (/^https?:\/\/[^/]+$/i.test(root)) root += '/';
  return `${root}#${path.startsWith('/') ? path : `/${path}`}`;
}
