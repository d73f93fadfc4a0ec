import { describe, expect, it } from 'vitest';
import { fen } from '../../shared/money';
import { priceFreight, type FreightLine } from './freight-pricing';
import { templateProblem, type FreightRule, type FreightTemplate } from './freight-template';
import { shopperShippingText, templateSummary, unitShippingText } from './freight-text';

const rule = (
  first: number,
  firstFee: number,
  add: number,
  addFee: number,
  freeOver: number | null = null,
): FreightRule => ({
  firstUnit: first,
  firstFeeFen: fen(firstFee),
  additionalUnit: add,
  additionalFeeFen: fen(addFee),
  freeOverFen: freeOver === null ? null : fen(freeOver),
});

const byCount: FreightTemplate = {
  id: 'count',
  name: '按件',
  chargeBy: 'count',
  // 江浙沪: ¥6 the first piece, ¥2 every further piece, free from ¥99.
  regions: [{ provinces: ['上海市', '江苏省', '浙江省'], ...rule(1, 600, 1, 200, 9_900) }],
  // Elsewhere: ¥10 the first 2 pieces, ¥5 every further 2 started.
  defaultRule: rule(2, 1_000, 2, 500),
  undeliverable: ['新疆维吾尔自治区', '西藏自治区'],
};
const byWeight: FreightTemplate = {
  id: 'weight',
  name: '按重',
  chargeBy: 'weight',
  regions: [],
  // ¥12 the first kilogram, ¥4 every started 500 g.
  defaultRule: rule(1_000, 1_200, 500, 400),
  undeliverable: [],
};
const templates = new Map([
  [byCount.id, byCount],
  [byWeight.id, byWeight],
]);

const line = (o: Partial<FreightLine> & { templateId: string | null }): FreightLine => ({
  skuId: `s_${o.templateId ?? 'flat'}_${o.qty ?? 1}`,
  title: '商品',
  qty: 1,
  weightGrams: 0,
  payableFen: fen(1_000),
  ...o,
});
const NO_TIER = fen(10_000_000);

describe('priceFreight', () => {
  it.each([
    ['count, default rule, within the first unit', '北京市', [line({ templateId: 'count', qty: 2 })], 1_000],
    ['count, default rule, one started additional unit', '北京市', [line({ templateId: 'count', qty: 3 })], 1_500],
    ['count, default rule, additional units rounded up', '北京市', [line({ templateId: 'count', qty: 5 })], 2_000],
    ['count, region rule', '浙江省', [line({ templateId: 'count', qty: 3 })], 1_000],
    [
      'count, region free over its amount',
      '上海市',
      [line({ templateId: 'count', qty: 3, payableFen: fen(9_900) })],
      0,
    ],
    [
      'count, free-over only where the rule says so',
      '北京市',
      [line({ templateId: 'count', qty: 1, payableFen: fen(50_000) })],
      1_000,
    ],
    ['weight, within the first kilogram', '北京市', [line({ templateId: 'weight', qty: 2, weightGrams: 500 })], 1_200],
    [
      'weight, 1001 g starts a 500 g unit',
      '北京市',
      [line({ templateId: 'weight', qty: 1, weightGrams: 1_001 })],
      1_600,
    ],
    [
      'weight, 2.2 kg: two kilograms over, three started units',
      '北京市',
      [line({ templateId: 'weight', qty: 2, weightGrams: 1_100 })],
      2_400,
    ],
    [
      'weight, lines of one template are one parcel',
      '北京市',
      [line({ templateId: 'weight', weightGrams: 600 }), line({ skuId: 'b', templateId: 'weight', weightGrams: 600 })],
      1_600,
    ],
    [
      'mixed templates are summed',
      '北京市',
      [line({ templateId: 'count', qty: 3 }), line({ templateId: 'weight', weightGrams: 300 })],
      2_700,
    ],
    [
      'lines without a template pay the flat fee once',
      '北京市',
      [line({ templateId: null }), line({ skuId: 'x', templateId: null })],
      1_000,
    ],
    ['flat fee beside a template', '浙江省', [line({ templateId: null }), line({ templateId: 'count' })], 1_600],
    ['unknown template id falls back to the flat fee', '北京市', [line({ templateId: 'gone' })], 1_000],
    ['no address yet: the default rule', null, [line({ templateId: 'count', qty: 3 })], 1_500],
  ] as const)('%s', (_, province, lines, expected) => {
    const q = priceFreight({ province, lines, templates, flatFeeFen: fen(1_000), tierFreeOverFen: NO_TIER });
    expect(q).toMatchObject({ ok: true, shippingFen: expected });
  });

  it('the tier threshold over the whole order ships everything free, templates too', () => {
    const lines = [
      line({ templateId: 'count', qty: 5, payableFen: fen(6_000) }),
      line({ templateId: null, payableFen: fen(1_000) }),
    ];
    const price = (tier: number) =>
      priceFreight({ province: '北京市', lines, templates, flatFeeFen: fen(1_000), tierFreeOverFen: fen(tier) });
    expect(price(7_000)).toMatchObject({ ok: true, shippingFen: 0 });
    expect(price(0)).toMatchObject({ ok: true, shippingFen: 0 });
    expect(price(7_001)).toMatchObject({ ok: true, shippingFen: 3_000 });
  });

  it('an undeliverable province names the lines that cannot go there, whatever the tier', () => {
    const lines = [
      line({ skuId: 'a', title: '洗发水', templateId: 'count' }),
      line({ skuId: 'b', title: '面霜', templateId: 'weight' }),
      line({ skuId: 'c', title: '护手霜', templateId: null }),
    ];
    const q = priceFreight({
      province: '西藏自治区',
      lines,
      templates,
      flatFeeFen: fen(1_000),
      tierFreeOverFen: fen(0),
    });
    expect(q).toEqual({ ok: false, undeliverable: [{ skuId: 'a', title: '洗发水' }] });
  });
});

describe('templateProblem', () => {
  const known = new Set(['北京市', '上海市', '江苏省', '西藏自治区']);
  it.each([
    ['valid', [['北京市'], ['上海市']], ['西藏自治区'], null],
    [
      'a province in two regions',
      [['北京市'], ['北京市', '上海市']],
      [],
      { field: 'provinces', province: '北京市', reason: 'twice' },
    ],
    [
      'a region also undeliverable',
      [['西藏自治区']],
      ['西藏自治区'],
      { field: 'provinces', province: '西藏自治区', reason: 'twice' },
    ],
    ['an unknown province', [['北京']], [], { field: 'provinces', province: '北京', reason: 'unknown' }],
    ['an empty region', [[]], [], { field: 'regions', reason: 'empty_region' }],
  ] as const)('%s', (_, groups, undeliverable, expected) => {
    const t = {
      regions: groups.map((provinces) => ({ provinces: [...provinces], ...rule(1, 0, 1, 0) })),
      undeliverable: [...undeliverable],
    };
    expect(templateProblem(t, known)).toEqual(expected);
  });
});

describe('texts', () => {
  it('says what a shopper pays before checkout', () => {
    expect(shopperShippingText(byCount)).toBe('按地区计运费，¥6起（2省不配送）');
    expect(shopperShippingText(byWeight)).toBe('运费¥12');
    expect(shopperShippingText({ ...byWeight, defaultRule: rule(1, 1_000, 1, 0, 9_900) })).toBe('运费¥10，满¥99包邮');
    expect(shopperShippingText({ ...byWeight, defaultRule: rule(1, 0, 1, 0) })).toBe('包邮');
    // The tier's threshold is the free-over when lower; a tier that ships everything free says so.
    expect(shopperShippingText(byCount, 9_900)).toBe('按地区计运费，¥6起，满¥99包邮（2省不配送）');
    expect(shopperShippingText({ ...byWeight, defaultRule: rule(1, 1_000, 1, 0, 9_900) }, 6_900)).toBe(
      '运费¥10，满¥69包邮',
    );
    expect(shopperShippingText(byWeight, 0)).toBe('全场包邮');
  });
  it('summarises a template for the manager list', () => {
    expect(templateSummary(byCount)).toBe('按件 · 默认 首2件¥10，续2件¥5 · 1个地区 · 2省不配送');
    expect(templateSummary(byWeight)).toBe('按重量 · 默认 首1kg¥12，续500g¥4');
  });
});

describe('unitShippingText', () => {
  const o = { amount: 1, goodsFen: 5_900, flatFeeFen: 1_000, tierFreeOverFen: 9_900 };
  it.each([
    ['no template: the flat fee', null, o, '运费¥10'],
    ['at the tier threshold: free', byCount, { ...o, goodsFen: 9_900 }, '包邮'],
    ['regions differ: the lowest', byCount, o, '按地区计运费，¥6起（2省不配送）'],
    ["by weight: the unit's grams", byWeight, { ...o, amount: 1_200 }, '运费¥16'],
    [
      'the template free-over reached in every region',
      { ...byWeight, defaultRule: rule(1, 800, 1, 0, 5_000) },
      o,
      '包邮',
    ],
  ] as const)('%s', (_, t, input, expected) => {
    expect(unitShippingText(t, input)).toBe(expected);
  });
});
