import { randomUUID } from 'node:crypto';
import type { Db } from '../../../cloudfunctions/core/db/db';
import type { ActionInput, ActionName, EditorProduct } from '../../../cloudfunctions/core/contract';
import { callAction } from '../../support/call';

const MANAGER = 'demo-manager';
const key = () => `k-${randomUUID()}`;

export function asManager<N extends ActionName>(db: Db, name: N, data: ActionInput<N>, now?: Date) {
  return callAction(db, name, data, { openid: MANAGER, idempotencyKey: key(), now });
}

/** A 2 × 2 product the way the editor sends it: 容量 × 规格, stock 10 each. */
export function twoByTwo(
  overrides: Partial<ActionInput<'manager.saveProduct'>> = {},
): ActionInput<'manager.saveProduct'> {
  const specGroups = [
    { name: '容量', values: ['30ml', '50ml'] },
    { name: '规格', values: ['清爽', '滋润'] },
  ];
  return {
    title: `测试精华 ${randomUUID().slice(0, 6)}`,
    subtitle: '后台新建',
    categoryId: 'c-cleanser',
    tags: ['新品'],
    images: ['/media/catalog/test-a.png', '/media/catalog/test-b.png'],
    detail: [
      { type: 'text', text: '温和配方，早晚可用。' },
      { type: 'image', image: '/media/catalog/test-detail.png' },
    ],
    fulfilment: ['express', 'pickup'],
    repurchaseCycleDays: 30,
    specGroups,
    skus: [
      ['30ml', '清爽', 9900],
      ['30ml', '滋润', 10900],
      ['50ml', '清爽', 14900],
      ['50ml', '滋润', 15900],
    ].map(([c, s, price]) => ({
      specs: { 容量: c as string, 规格: s as string },
      priceFen: price as number,
      stock: 10,
      weightGrams: 120,
      barcode: '',
    })),
    ...overrides,
  };
}

/** The editor's next save of a loaded product: same fields, its version, each SKU's loaded stock as `stockFrom`. */
export function resave(p: EditorProduct): ActionInput<'manager.saveProduct'> {
  return {
    productId: p.productId,
    version: p.version,
    title: p.title,
    subtitle: p.subtitle,
    categoryId: p.categoryId,
    tags: p.tags,
    images: p.imageIds,
    detail: p.detail.map((b) => (b.type === 'image' && 'imageId' in b ? { type: 'image', image: b.imageId } : b)),
    fulfilment: p.fulfilment,
    repurchaseCycleDays: p.repurchaseCycleDays,
    onShelfAt: p.onShelfAt,
    offShelfAt: p.offShelfAt,
    freightTemplateId: p.freightTemplateId,
    specGroups: p.specGroups,
    skus: p.skus.map((s) => ({
      skuId: s.skuId,
      specs: s.specs,
      priceFen: s.priceFen,
      originalPriceFen: s.originalPriceFen,
      memberPriceFen: s.memberPriceFen,
      stock: s.stock,
      stockFrom: s.stock,
      weightGrams: s.weightGrams,
      barcode: s.barcode,
      image: s.imageId,
    })),
  };
}
