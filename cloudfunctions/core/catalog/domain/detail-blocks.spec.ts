import { describe, expect, it } from 'vitest';
import { detailOf } from './detail-blocks';

describe('detailOf', () => {
  it('keeps paragraphs and pictures in order', () => {
    const blocks = [
      { type: 'text', text: '温和不刺激' },
      { type: 'image', image: '/media/catalog/a.png' },
    ];
    expect(detailOf(blocks)).toEqual(blocks);
  });

  it('leaves out what is not a block instead of showing it broken', () => {
    expect(detailOf(null)).toEqual([]);
    expect(detailOf({ type: 'text' })).toEqual([]);
    expect(
      detailOf([null, { type: 'video', url: 'x' }, { type: 'text', text: 1 }, { type: 'text', text: '好' }]),
    ).toEqual([{ type: 'text', text: '好' }]);
  });
});
