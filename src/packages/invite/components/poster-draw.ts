import type { InviteCard } from '../../../../cloudfunctions/core/contract';
import { formatFen } from '../../../utils/money';

/** Poster size in canvas pixels (2x of a 300x480 layout, crisp on phones). */
export const POSTER_W = 600;
export const POSTER_H = 960;

type Ctx = CanvasRenderingContext2D;
/** Loaded images for the poster; null where one failed (the poster still draws, without it). */
export interface PosterImages {
  avatar: CanvasImageSource | null;
  product: CanvasImageSource | null;
  code: CanvasImageSource | null;
}

function roundRect(ctx: Ctx, x: number, y: number, w: number, h: number, r: number) {
  ctx.beginPath();
  ctx.moveTo(x + r, y);
  ctx.arcTo(x + w, y, x + w, y + h, r);
  ctx.arcTo(x + w, y + h, x, y + h, r);
  ctx.arcTo(x, y + h, x, y, r);
  ctx.arcTo(x, y, x + w, y, r);
  ctx.closePath();
}

/** Draws an image to fill the box without stretching (centre crop, like CSS object-fit: cover). */
function drawCover(ctx: Ctx, image: CanvasImageSource, x: number, y: number, w: number, h: number) {
  const { width: iw, height: ih } = image as { width: number; height: number };
  if (!iw || !ih) return ctx.drawImage(image, x, y, w, h);
  const scale = Math.max(w / iw, h / ih);
  const sw = w / scale;
  const sh = h / scale;
  ctx.drawImage(image, (iw - sw) / 2, (ih - sh) / 2, sw, sh, x, y, w, h);
}

/** Draws an image whole inside the box, centred (like object-fit: contain): a product is never cut. */
function drawContain(ctx: Ctx, image: CanvasImageSource, x: number, y: number, w: number, h: number) {
  const { width: iw, height: ih } = image as { width: number; height: number };
  if (!iw || !ih) return ctx.drawImage(image, x, y, w, h);
  const scale = Math.min(w / iw, h / ih);
  ctx.drawImage(image, x + (w - iw * scale) / 2, y + (h - ih * scale) / 2, iw * scale, ih * scale);
}

/** Clips long titles to the width with an ellipsis (canvas has no text overflow). */
function fitText(ctx: Ctx, text: string, maxWidth: number): string {
  if (ctx.measureText(text).width <= maxWidth) return text;
  let cut = text;
  while (cut.length > 1 && ctx.measureText(`${cut}…`).width > maxWidth) cut = cut.slice(0, -1);
  return `${cut}…`;
}

/**
 * Draws the invite poster: brand, the inviter's avatar and nickname, a featured product with its
 * price, and the mini-program code carrying the invite. The same code draws on weapp's 2d canvas
 * and on an H5 canvas.
 */
export function drawPoster(ctx: Ctx, card: InviteCard, img: PosterImages): void {
  const gradient = ctx.createLinearGradient(0, 0, 0, POSTER_H);
  gradient.addColorStop(0, '#2c4a3d');
  gradient.addColorStop(1, '#3f6b57');
  ctx.fillStyle = gradient;
  ctx.fillRect(0, 0, POSTER_W, POSTER_H);

  ctx.fillStyle = '#f5f3ee';
  ctx.font = 'bold 40px sans-serif';
  ctx.textAlign = 'center';
  ctx.fillText(card.storeName || '青禾', POSTER_W / 2, 84);
  ctx.font = '24px sans-serif';
  ctx.fillStyle = 'rgba(245,243,238,0.75)';
  ctx.fillText('好物分享 · 邀你一起变美', POSTER_W / 2, 124);

  // Inviter
  ctx.save();
  ctx.beginPath();
  ctx.arc(92, 200, 40, 0, Math.PI * 2);
  ctx.clip();
  if (img.avatar) drawCover(ctx, img.avatar, 52, 160, 80, 80);
  else {
    ctx.fillStyle = '#e8f0eb';
    ctx.fillRect(52, 160, 80, 80);
    ctx.fillStyle = '#3f6b57';
    ctx.font = 'bold 36px sans-serif';
    ctx.textAlign = 'center';
    ctx.fillText(card.nickname.slice(0, 1), 92, 213);
  }
  ctx.restore();
  ctx.textAlign = 'left';
  ctx.fillStyle = '#ffffff';
  ctx.font = 'bold 30px sans-serif';
  ctx.fillText(fitText(ctx, card.nickname, 400), 152, 192);
  ctx.font = '24px sans-serif';
  ctx.fillStyle = 'rgba(255,255,255,0.8)';
  ctx.fillText(
    fitText(ctx, card.rules.friendGiftTitle ? `送你「${card.rules.friendGiftTitle}」` : '邀请你来逛逛', 400),
    152,
    230,
  );

  // Featured product card
  roundRect(ctx, 40, 276, POSTER_W - 80, 420, 24);
  ctx.fillStyle = '#ffffff';
  ctx.fill();
  if (img.product) drawContain(ctx, img.product, 70, 300, POSTER_W - 140, 290);
  if (card.featured) {
    ctx.fillStyle = '#2b2622';
    ctx.font = 'bold 28px sans-serif';
    ctx.fillText(fitText(ctx, card.featured.title, POSTER_W - 140), 70, 632);
    ctx.fillStyle = '#c8573f';
    ctx.font = 'bold 32px sans-serif';
    ctx.fillText(`¥${formatFen(card.featured.priceFen)}`, 70, 676);
  }

  // Code and invite code
  roundRect(ctx, 40, 724, POSTER_W - 80, 200, 24);
  ctx.fillStyle = '#f5f3ee';
  ctx.fill();
  if (img.code) ctx.drawImage(img.code, 64, 740, 168, 168);
  ctx.fillStyle = '#2b2622';
  ctx.font = 'bold 28px sans-serif';
  ctx.fillText('长按识别小程序码', 260, 800);
  ctx.font = '24px sans-serif';
  ctx.fillStyle = '#5f5751';
  ctx.fillText('领取好友专享新人礼', 260, 842);
  ctx.fillStyle = '#3f6b57';
  ctx.font = 'bold 26px monospace';
  ctx.fillText(`邀请码 ${card.inviteCode}`, 260, 884);
}
