import type { BannerState, HomeLink, HomeLinkPage } from '../../contract';

export type MoveDirection = 'up' | 'down' | 'first';

/**
 * The list's new order after moving one item a step up or down, or to the top. Unknown ids and moves
 * past either end leave the order as it was (the caller still answers it, so the page redraws).
 */
export function moveInOrder(ids: readonly string[], id: string, direction: MoveDirection): string[] {
  const order = [...ids];
  const at = order.indexOf(id);
  if (at < 0) return order;
  const to = direction === 'first' ? 0 : direction === 'up' ? Math.max(0, at - 1) : Math.min(order.length - 1, at + 1);
  order.splice(at, 1);
  order.splice(to, 0, id);
  return order;
}

/** Whether a banner shows at `now`: switched on, started (or no start) and not yet ended (or no end). */
export function bannerState(
  b: { active: boolean; starts_at: Date | null; ends_at: Date | null },
  now: Date,
): BannerState {
  if (!b.active) return 'inactive';
  if (b.starts_at && b.starts_at > now) return 'scheduled';
  if (b.ends_at && b.ends_at <= now) return 'ended';
  return 'live';
}

/** A schedule is refused when it ends at or before it starts. */
export function scheduleValid(startsAt: Date | null, endsAt: Date | null): boolean {
  return !startsAt || !endsAt || endsAt > startsAt;
}

const PRODUCT_ROUTE = /^\/packages\/goods\/detail\?id=([A-Za-z0-9_-]+)$/;
const CATEGORY_ROUTE = /^\/packages\/goods\/list\?categoryId=([A-Za-z0-9_-]+)/;

/**
 * A banner's typed link: its own columns, or, for a row written before typed links (the demo seed
 * writes routes), the product or category its route opens.
 */
export function bannerLinkOf(b: {
  link_kind: HomeLink['kind'] | null;
  link_id: string | null;
  link: string;
}): HomeLink | null {
  if (b.link_kind && b.link_id) return { kind: b.link_kind, id: b.link_id } as HomeLink;
  let m: RegExpExecArray | null;
  if ((m = PRODUCT_ROUTE.exec(b.link))) return { kind: 'product', id: m[1]! };
  if ((m = CATEGORY_ROUTE.exec(b.link))) return { kind: 'category', id: m[1]! };
  return null;
}

/** The pages a banner may open, as the manager reads them. */
export const HOME_PAGE_TITLES: Record<HomeLinkPage, string> = {
  coupons: '领券中心',
  groupbuy: '拼团活动',
  invite: '邀请有礼',
  benefits: '会员权益',
};
