import Taro from '@tarojs/taro';
import { uploadPicture } from '../../../../api/upload';
import type { Img } from './editor-state';

/** WeChat's own square cropper, where the base library has it (2.26.0+); else null. */
async function weappSquare(path: string): Promise<string | null> {
  if (!Taro.canIUse('cropImage')) return null;
  try {
    return (await Taro.cropImage({ src: path, cropScale: '1:1' })).tempFilePath;
  } catch {
    return null; // cancelled: keep the picture as picked
  }
}

/** H5: the centre square drawn on a canvas, as a PNG blob URL `Taro.uploadFile` can send. */
async function centreSquare(path: string): Promise<string> {
  const img = new Image();
  img.src = path;
  await img.decode();
  const side = Math.min(img.naturalWidth, img.naturalHeight, 1200);
  const crop = Math.min(img.naturalWidth, img.naturalHeight);
  const canvas = document.createElement('canvas');
  canvas.width = side;
  canvas.height = side;
  const g = canvas.getContext('2d');
  if (!g) return path;
  g.drawImage(img, (img.naturalWidth - crop) / 2, (img.naturalHeight - crop) / 2, crop, crop, 0, 0, side, side);
  const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/png'));
  return blob ? URL.createObjectURL(blob) : path;
}

async function upload(filePath: string): Promise<Img> {
  const name = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}`;
  const stored = await uploadPicture(filePath, 'catalog', name);
  // Cloud storage answers no URL: the picked file shows until the server resolves the cloud id.
  return { id: stored.fileId, url: stored.url ?? filePath };
}

/**
 * Picks pictures and stores them: gallery pictures (`square`) are cropped 1:1 first, by WeChat's
 * cropper on weapp or the centre square on H5 (where the cropper is missing, the gallery shows the
 * picture centre-cropped by `aspectFill`). Resolves with the stored pictures, in the order picked.
 */
export async function pickAndUpload(count: number, square: boolean): Promise<Img[]> {
  let picked: string[];
  try {
    picked = (await Taro.chooseImage({ count, sizeType: ['compressed'] })).tempFilePaths;
  } catch {
    return []; // the picker was closed
  }
  const out: Img[] = [];
  for (const path of picked) {
    let file = path;
    if (square) file = process.env.TARO_ENV === 'h5' ? await centreSquare(path) : ((await weappSquare(path)) ?? path);
    out.push(await upload(file));
  }
  return out;
}
