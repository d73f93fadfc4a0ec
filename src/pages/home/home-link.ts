import type { HomeLink, HomeLinkPage } from '../../../cloudfunctions/core/contract';

const PAGE_ROUTES: Record<HomeLinkPage, string> = {
  coupons: '/packages/member/claim',
  groupbuy: '/packages/groupbuy/list',
  invite: '/packages/invite/index',
  benefits: '/packages/member/benefits',
};

/** The route a banner's typed link opens (the server checked its target exists when it was saved). */
export function routeOf(link: HomeLink): string {
  const id = encodeURIComponent(link.id);
  switch (link.kind) {
    case 'product':
      return `/packages/goods/detail?id=${id}`;
    case 'category':
      return `/packages/goods/list?categoryId=${id}`;
    case 'campaign':
      return `/packages/groupbuy/campaign?campaignId=${id}`;
    case 'page':
      return PAGE_ROUTES[link.id];
  }
}
