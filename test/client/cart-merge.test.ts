import { beforeEach, describe, expect, it, vi } from 'vitest';
import { useCart } from '../../src/stores/cart';

// The cart store against a fake server cart: the server holds quantities, and a call can be made to fail
// the way a dropped network does.
const server = new Map<string, number>();
let failNext = false;
const sent: Array<{ skuId: string; qty: number; merge: boolean }> = [];

vi.mock('@tarojs/taro', () => ({
  default: { getStorageSync: () => '', setStorageSync: () => undefined },
}));
vi.mock('../../src/api', () => ({
  newIdempotencyKey: () => Math.random().toString(36),
  isTransportError: () => true,
  toastError: () => undefined,
  call: async (action: string, data: { items?: Array<{ skuId: string; qty: number }>; merge?: boolean }) => {
    if (failNext) {
      failNext = false;
      throw new Error('network');
    }
    if (action === 'catalog.cart.set') {
      for (const line of data.items ?? []) {
        sent.push({ ...line, merge: !!data.merge });
        server.set(line.skuId, (data.merge ? (server.get(line.skuId) ?? 0) : 0) + line.qty);
      }
    }
    return {
      lines: [...server].map(([skuId, qty]) => ({ skuId, qty, selected: true })),
      allSelected: true,
      selectedTotalFen: 0,
      selectedCount: 0,
      memberSavingFen: 0,
      shipping: { thresholdFen: 0, shippingFen: 0, remainingFen: 0, text: '' },
    };
  },
}));

const settle = () => new Promise((r) => setTimeout(r, 0));

describe('the cart merges what the server has not seen, once', () => {
  beforeEach(async () => {
    server.clear();
    sent.length = 0;
    useCart.setState({ items: [], owner: useCart.getState().owner });
  });

  it('a failed 加购 on a line the server holds merges only the added pieces on the next sync', async () => {
    useCart.getState().add('sku-a', 2);
    await settle();
    expect(server.get('sku-a')).toBe(2);
    failNext = true;
    useCart.getState().add('sku-a', 1);
    await settle();
    expect(useCart.getState().items.find((i) => i.skuId === 'sku-a')?.qty).toBe(3);
    await useCart.getState().sync();
    expect(server.get('sku-a')).toBe(3);
    expect(sent.at(-1)).toEqual({ skuId: 'sku-a', qty: 1, merge: true, selected: true });
  });

  it('a new line whose 加购 failed is merged whole, and only once', async () => {
    failNext = true;
    useCart.getState().add('sku-b', 2);
    await settle();
    useCart.getState().add('sku-b', 1);
    await settle();
    expect(server.get('sku-b')).toBe(1);
    await useCart.getState().sync();
    expect(server.get('sku-b')).toBe(3);
    await useCart.getState().sync();
    expect(server.get('sku-b')).toBe(3);
    expect(useCart.getState().items).toEqual([{ skuId: 'sku-b', qty: 3, selected: true, synced: true }]);
  });
});

describe('an absolute quantity covers what was unsent', () => {
  it('after a failed 加购, setting the quantity sends it whole and the next sync adds nothing', async () => {
    server.clear();
    sent.length = 0;
    useCart.setState({ items: [] });
    useCart.getState().add('sku-c', 1);
    await settle();
    failNext = true;
    useCart.getState().add('sku-c', 2);
    await settle();
    useCart.getState().setQty('sku-c', 5);
    await settle();
    expect(server.get('sku-c')).toBe(5);
    expect(useCart.getState().items.find((i) => i.skuId === 'sku-c')).toMatchObject({ qty: 5, synced: true });
    await useCart.getState().sync();
    expect(server.get('sku-c')).toBe(5);
  });
});
