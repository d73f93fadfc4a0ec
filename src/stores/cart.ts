import { create } from 'zustand';
import { readStored, writeStored } from './storage';

const KEY = 'cart.items';
/** The server accepts at most 99 of one SKU per line. */
export const MAX_LINE_QTY = 99;

export interface CartItem {
  skuId: string;
  qty: number;
}

interface CartState {
  /** SKU -> quantity, in the order first added. Prices and totals come from `catalog.quoteCart`. */
  items: CartItem[];
  add: (skuId: string, qty: number) => void;
  setQty: (skuId: string, qty: number) => void;
  remove: (skuId: string) => void;
  clear: () => void;
}

function clampQty(qty: number): number {
  return Math.max(1, Math.min(MAX_LINE_QTY, Math.floor(qty)));
}

export const useCart = create<CartState>((set, get) => ({
  items: readStored<CartItem[]>(KEY, []),
  add: (skuId, qty) => {
    const items = get().items;
    const existing = items.find((i) => i.skuId === skuId);
    set({
      items: existing
        ? items.map((i) => (i.skuId === skuId ? { skuId, qty: clampQty(i.qty + qty) } : i))
        : [...items, { skuId, qty: clampQty(qty) }],
    });
  },
  setQty: (skuId, qty) =>
    set({ items: get().items.map((i) => (i.skuId === skuId ? { skuId, qty: clampQty(qty) } : i)) }),
  remove: (skuId) => set({ items: get().items.filter((i) => i.skuId !== skuId) }),
  clear: () => set({ items: [] }),
}));

useCart.subscribe((state) => writeStored(KEY, state.items));

/** Number of pieces in the cart, for the tab badge (a count, not money). */
export function cartPieces(items: CartItem[]): number {
  return items.reduce((n, i) => n + i.qty, 0);
}
