import qrcode from 'qrcode-generator';

/**
 * A QR code as a GIF data URL: pure JS (no canvas), so the same `<Image>` shows it on weapp and H5.
 * Level M and byte mode: a 31-character member code fits version 3 (29 x 29 modules), easy to scan.
 */
export function qrDataUrl(text: string, cellSize = 8, margin = 2): string {
  const qr = qrcode(0, 'M');
  qr.addData(text, 'Byte');
  qr.make();
  return qr.createDataURL(cellSize, margin * cellSize);
}
