import type { InviteCard } from '../../../../cloudfunctions/core/contract';
import { mediaUrl } from '../../../api';
import { drawPoster, POSTER_H, POSTER_W } from './poster-draw';

function loadImage(src: string | null | undefined): Promise<HTMLImageElement | null> {
  if (!src) return Promise.resolve(null);
  return new Promise((resolve) => {
    const image = new Image();
    image.onload = () => resolve(image);
    image.onerror = () => resolve(null);
    image.src = src;
  });
}

/** H5: draws the poster on an offscreen canvas and returns it as a PNG data URL to long-press. */
export async function renderPosterH5(card: InviteCard): Promise<string> {
  const canvas = document.createElement('canvas');
  canvas.width = POSTER_W;
  canvas.height = POSTER_H;
  const [avatar, product, code] = await Promise.all([
    loadImage(card.avatarUrl ? mediaUrl(card.avatarUrl) : null),
    loadImage(card.featured?.image ? mediaUrl(card.featured.image) : null),
    loadImage(card.qrImage),
  ]);
  drawPoster(canvas.getContext('2d')!, card, { avatar, product, code });
  return canvas.toDataURL('image/png');
}
