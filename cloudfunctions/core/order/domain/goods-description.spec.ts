import { describe, expect, it } from 'vitest';
import { describeGoods } from './goods-description';

const line = (title: string, qty: number, refunded = false) => ({ title, qty, refunded });

describe('describeGoods: what was bought, for WeChat shipping messages', () => {
  it('lists each product with its quantity, in the order bought', () => {
    expect(describeGoods([line('山茶花洁面乳', 2), line('玫瑰精华', 1)])).toBe('山茶花洁面乳 x2，玫瑰精华 x1');
  });

  it('counts lines of the same product (other specs) together', () => {
    expect(describeGoods([line('玫瑰精华', 1), line('山茶花洁面乳', 1), line('玫瑰精华', 2)])).toBe(
      '玫瑰精华 x3，山茶花洁面乳 x1',
    );
  });

  it('leaves out refunded lines, unless every line was refunded', () => {
    expect(describeGoods([line('山茶花洁面乳', 2, true), line('玫瑰精华', 1)])).toBe('玫瑰精华 x1');
    expect(describeGoods([line('山茶花洁面乳', 2, true)])).toBe('山茶花洁面乳 x2');
  });
});
