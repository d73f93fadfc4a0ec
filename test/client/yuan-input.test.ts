import { describe, expect, it } from 'vitest';
import { yuanInputToFen } from '../../src/utils/yuan-input';

describe('yuanInputToFen', () => {
  it('reads yuan with up to two decimals as exact fen', () => {
    expect(yuanInputToFen('88.00')).toBe(8800);
    expect(yuanInputToFen('88')).toBe(8800);
    expect(yuanInputToFen(' 0.1 ')).toBe(10);
    expect(yuanInputToFen('19.99')).toBe(1999);
    expect(yuanInputToFen('1.')).toBe(100);
  });
  it('refuses anything else', () => {
    for (const bad of ['', 'abc', '1.234', '-5', '1e3', '12345678']) expect(yuanInputToFen(bad)).toBeNull();
  });
});
