/**
 * Share paths that are also invitations: the sharer's invite code rides along as `inv`, and the page a
 * friend opens (首页, 商品详情, 拼团) attributes it the way the invite landing does.
 */

/** `path` with `inv=<code>` added (or unchanged without a code). */
export function withInvite(path: string, inviteCode: string | null | undefined): string {
  if (!inviteCode) return path;
  return `${path}${path.includes('?') ? '&' : '?'}inv=${encodeURIComponent(inviteCode)}`;
}

/** The query of a path (no `?`): what `onShareTimeline` takes, since a 朋友圈 share always opens the current page. */
export function queryOf(path: string): string {
  const at = path.indexOf('?');
  return at === -1 ? '' : path.slice(at + 1);
}

/** What a chat card and a 朋友圈 share carry for one page. */
export interface ShareContent {
  title: string;
  /** The page with its query, leading slash, without the invite code. */
  path: string;
  /** A 5:4 PNG URL (WeChat takes PNG or JPG only). */
  imageUrl?: string;
}

/** The chat card and the 朋友圈 share for `content`, carrying the sharer's invite code. */
export function shareMessages(content: ShareContent, inviteCode: string | null | undefined) {
  const path = withInvite(content.path, inviteCode);
  return {
    appMessage: { title: content.title, path, imageUrl: content.imageUrl || undefined },
    timeline: { title: content.title, query: queryOf(path), imageUrl: content.imageUrl || undefined },
  };
}
