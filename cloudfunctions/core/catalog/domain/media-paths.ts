/**
 * Where catalog images live, as storage file ids (`/media/<key>`). Each is a PNG rendition of a row's
 * `art`: the gateway renders a missing one on first request; `npm run deploy:media` renders them all
 * and uploads them to cloud storage, where `/media/<key>` is the file `<MEDIA_CLOUD_ROOT>/<key>`.
 */
export const PRODUCT_IMAGE_COUNT = 3;

export function productImagePath(productId: string, n: number): string {
  return `/media/products/${productId}/${n}.png`;
}

export function categoryIconPath(categoryId: string): string {
  return `/media/categories/${categoryId}.png`;
}

/**
 * A banner's drawn picture. `version` (the manager's edits) makes each drawing its own key: a stored
 * rendition is never redrawn, so an edited banner must not reuse the old picture's key.
 */
export function bannerImagePath(bannerId: string, version?: string): string {
  return `/media/banners/${bannerId}${version ? `--${version}` : ''}.png`;
}

/** A product's 5:4 chat share card cover (商品详情, 拼团). */
export function productShareCoverPath(productId: string): string {
  return `/media/share/products/${productId}.png`;
}

/** The store's 5:4 share card cover (首页, 邀请有礼 without a featured product). */
export const STORE_SHARE_COVER_PATH = '/media/share/store.png';
