import type { Executor } from '../db/db';
import {
  PRODUCT_IMAGE_COUNT,
  categoryIconPath,
  productImagePath,
  productShareCoverPath,
  STORE_SHARE_COVER_PATH,
} from './domain/media-paths';
import {
  renderBannerArt,
  renderCategoryIcon,
  renderProductArt,
  renderShareCover,
  SHARE_COVER_SIZE,
  type ProductArt,
} from './domain/product-art';
import { findArt, findArtRows, findBannerText, findProductArt, findShareCoverBanner } from './repo/catalog.repo';

/** An SVG drawing of a catalog image and the pixel width its PNG rendition is rasterised at. */
export interface Rendition {
  svg: string;
  width: number;
}

const PRODUCT_PX = 750;
const BANNER_PX = 750;
const ICON_PX = 192;

/** `/media/<key>` -> `<key>`. */
const keyOf = (path: string) => path.slice('/media/'.length);

/**
 * The drawing behind one catalog storage key (`products/<id>/<n>.png`, `categories/<id>.png`,
 * `banners/<id>.png`, `share/products/<id>.png`, `share/store.png`), or null when the key names no
 * catalog row with art. The store share cover is drawn from the banner showing at `now`.
 */
export async function renditionOf(exec: Executor, storeId: string, key: string, now: Date): Promise<Rendition | null> {
  let m: RegExpExecArray | null;
  if ((m = /^products\/([^/]+)\/(\d)\.png$/.exec(key))) {
    const n = Number(m[2]);
    const art = n >= 1 && n <= PRODUCT_IMAGE_COUNT ? await findArt(exec, 'products', m[1]!) : null;
    return art ? { svg: renderProductArt(art as ProductArt, n), width: PRODUCT_PX } : null;
  }
  if ((m = /^categories\/([^/]+)\.png$/.exec(key))) {
    const art = await findArt(exec, 'categories', m[1]!);
    return art ? { svg: renderCategoryIcon(art as ProductArt), width: ICON_PX } : null;
  }
  if ((m = /^banners\/([^/]+?)(?:--[0-9a-z]+)?\.png$/.exec(key))) {
    const b = await findBannerText(exec, m[1]!);
    return b?.art ? { svg: renderBannerArt(b.art as ProductArt, b.title, b.subtitle), width: BANNER_PX } : null;
  }
  if ((m = /^share\/products\/([^/]+)\.png$/.exec(key))) {
    const p = await findProductArt(exec, m[1]!);
    return p?.art && p.store_id === storeId
      ? { svg: renderShareCover(p.art as ProductArt, p.title, p.subtitle), width: SHARE_COVER_SIZE.width }
      : null;
  }
  if (key === keyOf(STORE_SHARE_COVER_PATH)) {
    const b = await findShareCoverBanner(exec, storeId, now);
    return b?.art
      ? { svg: renderShareCover(b.art as ProductArt, b.title, b.subtitle), width: SHARE_COVER_SIZE.width }
      : null;
  }
  return null;
}

/**
 * Every catalog image of the store as a storage key, in a stable order (what deploy:media uploads);
 * the store share cover only when a banner with art shows at `now`.
 */
export async function catalogRenditionKeys(exec: Executor, storeId: string, now: Date): Promise<string[]> {
  const rows = await findArtRows(exec, storeId);
  const keys: string[] = [];
  for (const p of rows.products.filter((r) => r.art)) {
    for (let n = 1; n <= PRODUCT_IMAGE_COUNT; n++) keys.push(keyOf(productImagePath(p.id, n)));
    keys.push(keyOf(productShareCoverPath(p.id)));
  }
  for (const c of rows.categories.filter((r) => r.art)) keys.push(keyOf(categoryIconPath(c.id)));
  for (const b of rows.banners.filter((r) => r.art)) keys.push(keyOf(b.image));
  if (await findShareCoverBanner(exec, storeId, now)) keys.push(keyOf(STORE_SHARE_COVER_PATH));
  return keys;
}
