import Taro from '@tarojs/taro';
import type { InviteCard } from '../../../../cloudfunctions/core/contract';
import { mediaUrl } from '../../../api';
import { saveImageToAlbum } from '../../../utils/album';
import { drawPoster, POSTER_H, POSTER_W } from './poster-draw';

/** weapp's canvas images cannot load a data URL: the code is written to a user-data file first. */
function codeFile(dataUrl: string | null): string | null {
  if (!dataUrl) return null;
  const [head, base64] = dataUrl.split(',');
  const ext = head?.includes('svg') ? 'svg' : 'png';
  const path = `${Taro.env.USER_DATA_PATH}/invite-code.${ext}`;
  try {
    Taro.getFileSystemManager().writeFileSync(path, base64 ?? '', 'base64');
    return path;
  } catch {
    return null;
  }
}

function loadImage(canvas: Taro.Canvas, src: string | null): Promise<Taro.Image | null> {
  if (!src) return Promise.resolve(null);
  return new Promise((resolve) => {
    const image = canvas.createImage();
    image.onload = () => resolve(image);
    image.onerror = () => resolve(null);
    image.src = src;
  });
}

/**
 * weapp: draws on the page's `<Canvas type="2d" id={canvasId}>` and exports a temp file, which the
 * page shows and saves with saveImageToPhotosAlbum.
 */
export function renderPosterWeapp(card: InviteCard, canvasId: string): Promise<string> {
  return new Promise((resolve, reject) => {
    Taro.createSelectorQuery()
      .select(`#${canvasId}`)
      .fields({ node: true, size: true })
      .exec(async (res) => {
        const canvas = res?.[0]?.node as Taro.Canvas | undefined;
        if (!canvas) return reject(new Error('poster canvas not found'));
        canvas.width = POSTER_W;
        canvas.height = POSTER_H;
        const [avatar, product, code] = await Promise.all([
          loadImage(canvas, card.avatarUrl ? mediaUrl(card.avatarUrl) : null),
          loadImage(canvas, card.featured?.image ? mediaUrl(card.featured.image) : null),
          loadImage(canvas, codeFile(card.qrImage)),
        ]);
        drawPoster(canvas.getContext('2d') as CanvasRenderingContext2D, card, { avatar, product, code } as never);
        Taro.canvasToTempFilePath({
          canvas,
          fileType: 'png',
          success: (r: { tempFilePath: string }) => resolve(r.tempFilePath),
          fail: reject,
        } as never);
      });
  });
}

/** Saves the poster to the album (true when saved); a refused album permission offers openSetting. */
export function savePosterWeapp(filePath: string): Promise<boolean> {
  return saveImageToAlbum(filePath, '海报');
}
