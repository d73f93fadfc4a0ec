import type { ActionInput, Banner, HomeLink, ManagerBanner } from '../contract';
import type { ActionArgs } from '../context';
import type { Executor } from '../db/db';
import { fail, ok, type Result } from '../errors';
import { bannerImagePath } from './domain/media-paths';
import { bannerLinkOf, bannerState, HOME_PAGE_TITLES, moveInOrder, scheduleValid } from './domain/home-page';
import { findBanners } from './repo/catalog.repo';
import {
  deleteBanner as removeBanner,
  findAllBanners,
  findLinkTitles,
  findStoreBanner,
  insertBanner,
  linkTargetExists,
  lockOrder,
  newHomeId,
  updateBanner,
  writeOrder,
  type BannerFields,
  type BannerRow,
} from './repo/home-page.repo';

/** The banners a customer's home page shows now, each with the typed link its tap opens. */
export async function homeBanners(exec: Executor, storeId: string, now: Date): Promise<Banner[]> {
  const rows = await findBanners(exec, storeId, now);
  return rows.map((b) => ({ id: b.id, title: b.title, subtitle: b.subtitle, image: b.image, target: bannerLinkOf(b) }));
}

type LinkTitles = Awaited<ReturnType<typeof findLinkTitles>>;

function linkLabel(link: HomeLink | null, titles: LinkTitles): string {
  if (!link) return '无链接';
  const name = (rows: Array<{ id: string; name: string }>) => rows.find((r) => r.id === link.id)?.name ?? '（已删除）';
  switch (link.kind) {
    case 'product':
      return `商品「${name(titles.products)}」`;
    case 'category':
      return `分类「${name(titles.categories)}」`;
    case 'campaign':
      return `拼团「${name(titles.campaigns)}」`;
    case 'page':
      return `页面「${HOME_PAGE_TITLES[link.id]}」`;
  }
}

function bannerView(b: BannerRow, titles: LinkTitles, now: Date): ManagerBanner {
  const link = bannerLinkOf(b);
  return {
    bannerId: b.id,
    title: b.title,
    subtitle: b.subtitle,
    image: b.image,
    art: (b.art as ManagerBanner['art']) ?? null,
    link,
    linkLabel: linkLabel(link, titles),
    startsAt: b.starts_at?.toISOString() ?? null,
    endsAt: b.ends_at?.toISOString() ?? null,
    active: b.active,
    state: bannerState(b, now),
  };
}

/** `manager.listBanners`: every banner in the home page's order, with whether it shows now. */
export async function listBanners({
  ctx,
  exec,
}: ActionArgs<'manager.listBanners'>): Promise<Result<{ items: ManagerBanner[] }>> {
  const [rows, titles] = await Promise.all([findAllBanners(exec, ctx.storeId), findLinkTitles(exec, ctx.storeId)]);
  return ok({ items: rows.map((b) => bannerView(b, titles, ctx.now)) });
}

type SaveBannerInput = ActionInput<'manager.saveBanner'>;

function bannerFields(input: SaveBannerInput, id: string, now: Date): BannerFields {
  const art = 'art' in input.image ? input.image.art : null;
  return {
    title: input.title,
    subtitle: input.subtitle,
    // Generated art is drawn on demand (catalog renditions) at a path of this version of the banner.
    image: art ? bannerImagePath(id, now.getTime().toString(36)) : (input.image as { stored: string }).stored,
    art: art ? JSON.stringify(art) : null,
    link_kind: input.link.kind,
    link_id: input.link.id,
    starts_at: input.startsAt ? new Date(input.startsAt) : null,
    ends_at: input.endsAt ? new Date(input.endsAt) : null,
    active: input.active,
    updated_at: now,
  };
}

/**
 * `manager.saveBanner`: creates (appended last) or edits a banner. The link must name a product on
 * sale, a visible category, a running 拼团 or a known page; the schedule must end after it starts.
 */
export async function saveBanner({
  input,
  ctx,
  exec,
}: ActionArgs<'manager.saveBanner'>): Promise<Result<ManagerBanner>> {
  const id = input.bannerId ?? newHomeId('b');
  const fields = bannerFields(input, id, ctx.now);
  if (!scheduleValid(fields.starts_at, fields.ends_at))
    return fail('SCHEDULE_INVALID', undefined, { startsAt: input.startsAt, endsAt: input.endsAt });
  if (input.link.kind !== 'page' && !(await linkTargetExists(exec, ctx.storeId, input.link, ctx.now)))
    return fail('BANNER_LINK_INVALID', undefined, { link: input.link });
  if (input.bannerId) {
    if (!(await updateBanner(exec, ctx.storeId, id, fields))) return fail('NOT_FOUND', '横幅不存在，请刷新后再试');
  } else {
    await insertBanner(exec, ctx.storeId, id, fields);
  }
  const [row, titles] = await Promise.all([findStoreBanner(exec, ctx.storeId, id), findLinkTitles(exec, ctx.storeId)]);
  return ok(bannerView(row!, titles, ctx.now));
}

/** `manager.deleteBanner`. */
export async function deleteBanner({
  input,
  ctx,
  exec,
}: ActionArgs<'manager.deleteBanner'>): Promise<Result<{ bannerId: string }>> {
  if (!(await removeBanner(exec, ctx.storeId, input.bannerId))) return fail('NOT_FOUND', '横幅不存在，请刷新后再试');
  return ok({ bannerId: input.bannerId });
}

/** `manager.moveBanner`: a step up or down, or to the top; the banners are renumbered under a lock. */
export async function moveBanner({
  input,
  ctx,
  exec,
}: ActionArgs<'manager.moveBanner'>): Promise<Result<{ order: string[] }>> {
  const ids = await lockOrder(exec, 'banners', ctx.storeId);
  if (!ids.includes(input.bannerId)) return fail('NOT_FOUND', '横幅不存在，请刷新后再试');
  const order = moveInOrder(ids, input.bannerId, input.direction);
  await writeOrder(exec, 'banners', ctx.storeId, order);
  return ok({ order });
}
