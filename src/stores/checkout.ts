import { create } from 'zustand';
import type { CartItem } from './cart';
import { readStored, writeStored } from './storage';

const KEY = 'checkout.items';

/** Where the checkout items came from: the cart (ordered lines leave the cart) or 立即购买. */
export type CheckoutSource = 'cart' | 'buy';

interface CheckoutState {
  /** SKU + quantity to buy; the server prices them (`order.quote`). */
  items: CartItem[];
  source: CheckoutSource;
  start: (items: CartItem[], source: CheckoutSource) => void;
  clear: () => void;
}

const stored = readStored<{ items: CartItem[]; source: CheckoutSource }>(KEY, { items: [], source: 'cart' });

export const useCheckout = create<CheckoutState>((set) => ({
  items: stored.items,
  source: stored.source,
  start: (items, source) => set({ items: items.map((i) => ({ skuId: i.skuId, qty: i.qty })), source }),
  clear: () => set({ items: [] }),
}));

// Persisted so an H5 reload of the checkout page keeps its items.
useCheckout.subscribe((s) => writeStored(KEY, { items: s.items, source: s.source }));
