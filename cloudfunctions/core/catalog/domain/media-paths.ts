/**
 * Where catalog images live. Locally the gateway renders them from each row's `art` at these paths;
 * in the cloud the same paths are uploaded to cloud storage and prefixed with MEDIA_BASE_URL.
 */
export const PRODUCT_IMAGE_COUNT = 3;

export function productImagePath(productId: string, n: number): string {
  return `/media/products/${productId}/${n}.svg`;
}

export function categoryIconPath(categoryId: string): string {
  return `/media/categories/${categoryId}.svg`;
}

export function bannerImagePath(bannerId: string): string {
  return `/media/banners/${bannerId}.svg`;
}
