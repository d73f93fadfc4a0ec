/**
 * The server's error table is the only copy of a business message: the client shows what it
 * receives. Two copies drifted apart before; this keeps a second one from growing back in src/.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ERRORS, type ErrorCode } from '../../cloudfunctions/core/errors';

const SRC = path.resolve(__dirname, '..', '..', 'src');

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(full);
    return /\.tsx?$/.test(e.name) ? [full] : [];
  });
}

describe('the server owns every business message', () => {
  const entries = Object.entries(ERRORS) as Array<[ErrorCode, (typeof ERRORS)[ErrorCode]]>;

  it('every code has a Chinese message for the customer', () => {
    for (const [code, { message }] of entries) {
      expect(message.trim(), code).not.toBe('');
      expect(message, code).toMatch(/[\u4e00-\u9fff]/);
    }
  });

  it('src/ holds no copy of any server message', () => {
    const files = sourceFiles(SRC);
    expect(files.length).toBeGreaterThan(50);
    const copies = files.flatMap((file) => {
      const text = fs.readFileSync(file, 'utf8');
      return entries
        .filter(([, { message }]) => text.includes(message))
        .map(([code, { message }]) => `${path.relative(SRC, file)}: ${code} "${message}"`);
    });
    expect(copies).toEqual([]);
  });
});
