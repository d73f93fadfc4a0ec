import qrcode from 'qrcode-generator';
import type { MiniCodePort, MiniCodeRequest } from '../platform';

/**
 * Local stand-in for `wxacode.getUnlimited`: a plain QR code (SVG) of the same page and scene, as
 * `page?scene=<URI-encoded scene>`, which is how the mini program receives a scanned scene. The H5
 * demo can show and follow it; WeChat's round "sun code" only exists in the cloud.
 */
export const localMiniCode: MiniCodePort = {
  async getUnlimited(request: MiniCodeRequest) {
    const qr = qrcode(0, 'M');
    qr.addData(localMiniCodeTarget(request), 'Byte');
    qr.make();
    const cells = qr.getModuleCount() + 8;
    const cellSize = Math.max(2, Math.floor((request.width ?? 430) / cells));
    return {
      ok: true,
      contentType: 'image/svg+xml',
      data: Buffer.from(qr.createSvgTag({ cellSize, margin: cellSize * 4, scalable: true })),
    };
  },
};

/** What the local code encodes: the page path with the scene as WeChat delivers it (URI-encoded). */
export function localMiniCodeTarget(request: MiniCodeRequest): string {
  return `/${request.page}?scene=${encodeURIComponent(request.scene)}`;
}
