import { create } from 'zustand';
import type { CartItem } from './cart';
import { readStored, writeStored } from './storage';

const KEY = 'checkout.items';

/** Where the checkout items came from: the cart (ordered lines leave the cart) or 立即购买. */
export type CheckoutSource = 'cart' | 'buy';

/** a group-buy checkout opens a team (`campaignId`) or joins one (`teamId` too). */
export interface CheckoutGroupBuy {
  campaignId: string;
  teamId?: string;
}

interface CheckoutState {
  /** SKU + quantity to buy; the server prices them (`order.quote`). */
  items: CartItem[];
  source: CheckoutSource;
  groupBuy?: CheckoutGroupBuy;
  start: (items: CartItem[], source: CheckoutSource, groupBuy?: CheckoutGroupBuy) => void;
  /** Takes a line out of this checkout (not out of the cart): a line that blocks the delivery type. */
  remove: (skuId: string) => void;
  clear: () => void;
}

const stored = readStored<{ items: CartItem[]; source: CheckoutSource; groupBuy?: CheckoutGroupBuy }>(KEY, {
  items: [],
  source: 'cart',
});

export const useCheckout = create<CheckoutState>((set) => ({
  items: stored.items,
  source: stored.source,
  groupBuy: stored.groupBuy,
  start: (items, source, groupBuy) =>
    set({ items: items.map((i) => ({ skuId: i.skuId, qty: i.qty })), source, groupBuy }),
  remove: (skuId) => set((s) => ({ items: s.items.filter((i) => i.skuId !== skuId) })),
  clear: () => set({ items: [], groupBuy: undefined }),
}));

// Persisted so an H5 reload of the checkout page keeps its items.
useCheckout.subscribe((s) => writeStored(KEY, { items: s.items, source: s.source, groupBuy: s.groupBuy }));
