/**
 * The first file part of a `multipart/form-data` body (what `Taro.uploadFile` / `wx.uploadFile` send:
 * one part named by `name`, with a filename). Enough for one uploaded image; null when there is none.
 */
export function readMultipartFile(body: Buffer, contentType: string): Buffer | null {
  const boundary = /boundary=(?:"([^"]+)"|([^;]+))/i.exec(contentType);
  const mark = boundary?.[1] ?? boundary?.[2];
  if (!mark) return null;
  const delimiter = Buffer.from(`--${mark.trim()}`);
  let at = body.indexOf(delimiter);
  while (at !== -1) {
    const headStart = at + delimiter.length + 2; // past CRLF
    const headEnd = body.indexOf('\r\n\r\n', headStart);
    if (headEnd === -1) return null;
    const next = body.indexOf(delimiter, headEnd + 4);
    if (next === -1) return null;
    const headers = body.subarray(headStart, headEnd).toString('utf8');
    if (/filename=/i.test(headers)) return body.subarray(headEnd + 4, next - 2); // drop CRLF before the delimiter
    at = next;
  }
  return null;
}
