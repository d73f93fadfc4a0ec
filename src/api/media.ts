/**
 * Resolves an image path from the server. Absolute URLs pass through; on H5 a path is same-origin;
 * on weapp it gets the media origin prefix (product images are never bundled into the package).
 */
export function mediaUrl(path: string | null | undefined): string {
  if (!path) return '';
  if (/^(https?:)?\/\//.test(path) || path.startsWith('data:') || path.startsWith('cloud://')) return path;
  if (process.env.TARO_ENV === 'h5') return path;
  return `${process.env.TARO_APP_MEDIA_BASE ?? ''}${path}`;
}
