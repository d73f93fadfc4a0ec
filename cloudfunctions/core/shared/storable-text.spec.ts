import { describe, expect, it } from 'vitest';
import { pathOfUnstorableText } from './storable-text';

describe('pathOfUnstorableText', () => {
  it('accepts ordinary text, emoji and astral characters', () => {
    expect(pathOfUnstorableText({ a: ['精华', '🙂', '𠜎'], b: { c: "'; drop table x; --" } })).toBeNull();
  });
  it('names the first NUL or unpaired surrogate, in a value or a key', () => {
    expect(pathOfUnstorableText({ a: ['ok', 'x\u0000'] })).toBe('a.1');
    expect(pathOfUnstorableText({ b: 'x\uD800' })).toBe('b');
    expect(pathOfUnstorableText({ c: '\uDFFFy' })).toBe('c');
    expect(pathOfUnstorableText({ 'k\u0000': 1 })).toBe('k\u0000');
  });
});
