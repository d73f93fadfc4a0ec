import { create } from 'zustand';
import type { ServerCart } from '../../cloudfunctions/core/contract';
import { call, isTransportError, newIdempotencyKey, toastError } from '../api';
import { useSession } from './session';
import { readStored, writeStored } from './storage';

const KEY = 'cart.items';
/** The server accepts at most 99 of one SKU per line. */
export const MAX_LINE_QTY = 99;

export interface CartItem {
  skuId: string;
  qty: number;
}

/** A line as this device knows it; `synced` once the server cart holds it (else it waits to be merged). */
interface LocalLine extends CartItem {
  selected: boolean;
  synced: boolean;
}

interface Stored {
  items: LocalLine[];
  /** The account the synced lines belong to (H5's dev sign-in can switch accounts). */
  owner: string;
}

interface CartState extends Stored {
  /** The server's cart: prices, ticks, totals and shipping, all computed there. */
  server?: ServerCart;
  loading: boolean;
  failed: boolean;
  add: (skuId: string, qty: number) => void;
  setQty: (skuId: string, qty: number) => void;
  toggle: (skuId: string, selected: boolean) => void;
  selectAll: (selected: boolean) => void;
  remove: (skuId: string) => void;
  /** Merges the lines this device added offline (or signed out) into the account's cart, then shows it. */
  sync: () => Promise<void>;
}

function clampQty(qty: number): number {
  return Math.max(1, Math.min(MAX_LINE_QTY, Math.floor(qty)));
}

const stored = readStored<Stored | CartItem[]>(KEY, { items: [], owner: '' });
// A cart saved before the server cart existed is a plain list: every line of it still has to be merged.
const initial: Stored = Array.isArray(stored)
  ? { items: stored.map((i) => ({ ...i, selected: true, synced: false })), owner: '' }
  : stored;

/** Answers older than the latest request are dropped (quick taps on + answer out of order). */
let latest = 0;
/** One key per pending merge, kept after a network failure so the retry cannot add twice. */
let mergeKey: string | undefined;

export const useCart = create<CartState>((set, get) => {
  const adopt = (cart: ServerCart, seq: number) => {
    if (seq !== latest) return;
    const onServer = new Set(cart.lines.map((l) => l.skuId));
    const waiting = get().items.filter((i) => !i.synced && !onServer.has(i.skuId));
    set({
      server: cart,
      failed: false,
      owner: useSession.getState().openid,
      items: [
        ...cart.lines.map((l) => ({ skuId: l.skuId, qty: l.qty, selected: l.selected, synced: true })),
        ...waiting,
      ],
    });
  };

  /** Sends one change; a failure leaves the local line waiting for the next sync. */
  const push = async (run: (idempotencyKey: string) => Promise<ServerCart>, unsynced?: string) => {
    const seq = ++latest;
    set({ loading: true });
    try {
      adopt(await run(newIdempotencyKey()), seq);
    } catch (err) {
      if (unsynced) set({ items: get().items.map((i) => (i.skuId === unsynced ? { ...i, synced: false } : i)) });
      toastError(err);
    } finally {
      if (seq === latest) set({ loading: false });
    }
  };

  const local = (skuId: string, change: (line: LocalLine) => LocalLine) =>
    set({ items: get().items.map((i) => (i.skuId === skuId ? change(i) : i)) });

  return {
    ...initial,
    loading: false,
    failed: false,
    add: (skuId, qty) => {
      const existing = get().items.find((i) => i.skuId === skuId);
      set({
        items: existing
          ? get().items.map((i) => (i.skuId === skuId ? { ...i, qty: clampQty(i.qty + qty), selected: true } : i))
          : [...get().items, { skuId, qty: clampQty(qty), selected: true, synced: false }],
      });
      // An increment, so two devices adding the same SKU both count.
      void push(
        (idempotencyKey) =>
          call('catalog.cart.set', { items: [{ skuId, qty, selected: true }], merge: true }, { idempotencyKey }),
        skuId,
      );
    },
    setQty: (skuId, qty) => {
      local(skuId, (i) => ({ ...i, qty: clampQty(qty) }));
      void push((idempotencyKey) =>
        call('catalog.cart.set', { items: [{ skuId, qty: clampQty(qty) }] }, { idempotencyKey }),
      );
    },
    toggle: (skuId, selected) => {
      const line = get().items.find((i) => i.skuId === skuId);
      if (!line) return;
      local(skuId, (i) => ({ ...i, selected }));
      void push((idempotencyKey) =>
        call('catalog.cart.set', { items: [{ skuId, qty: line.qty, selected }] }, { idempotencyKey }),
      );
    },
    selectAll: (selected) => {
      set({ items: get().items.map((i) => ({ ...i, selected })) });
      void push((idempotencyKey) => call('catalog.cart.selectAll', { selected }, { idempotencyKey }));
    },
    remove: (skuId) => {
      set({ items: get().items.filter((i) => i.skuId !== skuId) });
      void push((idempotencyKey) => call('catalog.cart.remove', { skuIds: [skuId] }, { idempotencyKey }));
    },
    sync: async () => {
      const seq = ++latest;
      const openid = useSession.getState().openid;
      // Lines synced for another account are that account's; only this device's own additions merge.
      const mine = get().owner === openid ? get().items : get().items.filter((i) => !i.synced);
      const waiting = mine.filter((i) => !i.synced).map((i) => ({ skuId: i.skuId, qty: i.qty, selected: i.selected }));
      set({ items: mine, loading: true });
      try {
        if (waiting.length) {
          mergeKey ??= newIdempotencyKey();
          const key = mergeKey;
          const cart = await call(
            'catalog.cart.set',
            { items: waiting.slice(0, 50), merge: true },
            { idempotencyKey: key },
          );
          mergeKey = undefined;
          adopt(cart, seq);
        } else {
          adopt(await call('catalog.cart.list', {}), seq);
        }
      } catch (err) {
        if (!isTransportError(err)) mergeKey = undefined;
        if (seq === latest) set({ failed: true });
        toastError(err);
      } finally {
        if (seq === latest) set({ loading: false });
      }
    },
  };
});

useCart.subscribe((state) => writeStored(KEY, { items: state.items, owner: state.owner }));

/** Number of pieces in the cart, for the tab badge (a count, not money). */
export function cartPieces(items: CartItem[]): number {
  return items.reduce((n, i) => n + i.qty, 0);
}
