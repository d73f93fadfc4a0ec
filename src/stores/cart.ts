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
  /**
   * While not synced: how many pieces the server has not been told of (the merge adds exactly these).
   * A line the server already held and an increment failed on waits with the increment only, so the
   * next merge cannot count the pieces already there twice. Absent (a line saved by an older build):
   * the whole quantity.
   */
  unsent?: number;
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
  /** The server's lines, plus what this device still has to tell it (shown, and merged by the next sync). */
  const adopt = (cart: ServerCart, seq: number) => {
    if (seq !== latest) return;
    const onServer = new Set(cart.lines.map((l) => l.skuId));
    const unsent = new Map(
      get().items.flatMap((i) => (!i.synced && (i.unsent ?? i.qty) > 0 ? [[i.skuId, i.unsent ?? i.qty]] : [])),
    );
    set({
      server: cart,
      failed: false,
      owner: useSession.getState().openid,
      items: [
        ...cart.lines.map((l): LocalLine => {
          const more = unsent.get(l.skuId);
          return more
            ? { skuId: l.skuId, qty: clampQty(l.qty + more), selected: l.selected, synced: false, unsent: more }
            : { skuId: l.skuId, qty: l.qty, selected: l.selected, synced: true };
        }),
        ...get().items.filter((i) => !i.synced && !onServer.has(i.skuId)),
      ],
    });
  };

  const local = (skuId: string, change: (line: LocalLine) => LocalLine) =>
    set({ items: get().items.map((i) => (i.skuId === skuId ? change(i) : i)) });

  /** Sends one change; a failed increment leaves the local line waiting, with what is unsent, for the next sync. */
  const push = async (
    run: (idempotencyKey: string) => Promise<ServerCart>,
    increment?: { skuId: string; qty: number },
    absolute?: string,
  ) => {
    const seq = ++latest;
    set({ loading: true });
    try {
      const cart = await run(newIdempotencyKey());
      // A line set to an absolute quantity holds everything the device showed: nothing of it is unsent.
      if (absolute) local(absolute, (i) => ({ ...i, unsent: 0 }));
      adopt(cart, seq);
    } catch (err) {
      if (increment)
        set({
          items: get().items.map((i) =>
            i.skuId !== increment.skuId
              ? i
              : i.synced
                ? { ...i, synced: false, unsent: increment.qty }
                : { ...i, unsent: Math.min(i.qty, (i.unsent ?? 0) + increment.qty) },
          ),
        });
      toastError(err);
    } finally {
      if (seq === latest) set({ loading: false });
    }
  };

  return {
    ...initial,
    loading: false,
    failed: false,
    add: (skuId, qty) => {
      const existing = get().items.find((i) => i.skuId === skuId);
      set({
        items: existing
          ? get().items.map((i) => (i.skuId === skuId ? { ...i, qty: clampQty(i.qty + qty), selected: true } : i))
          : [...get().items, { skuId, qty: clampQty(qty), selected: true, synced: false, unsent: 0 }],
      });
      // An increment, so two devices adding the same SKU both count.
      void push(
        (idempotencyKey) =>
          call('catalog.cart.set', { items: [{ skuId, qty, selected: true }], merge: true }, { idempotencyKey }),
        { skuId, qty },
      );
    },
    setQty: (skuId, qty) => {
      local(skuId, (i) => ({ ...i, qty: clampQty(qty) }));
      void push(
        (idempotencyKey) => call('catalog.cart.set', { items: [{ skuId, qty: clampQty(qty) }] }, { idempotencyKey }),
        undefined,
        skuId,
      );
    },
    toggle: (skuId, selected) => {
      const line = get().items.find((i) => i.skuId === skuId);
      if (!line) return;
      local(skuId, (i) => ({ ...i, selected }));
      void push(
        (idempotencyKey) =>
          call('catalog.cart.set', { items: [{ skuId, qty: line.qty, selected }] }, { idempotencyKey }),
        undefined,
        skuId,
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
      const waiting = mine
        .filter((i) => !i.synced && (i.unsent ?? i.qty) > 0)
        .map((i) => ({ skuId: i.skuId, qty: clampQty(i.unsent ?? i.qty), selected: i.selected }));
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
          // What was merged is on the server now: only pieces added since stay unsent.
          const merged = new Map(waiting.slice(0, 50).map((w) => [w.skuId, w.qty]));
          set({
            items: get().items.map((i) =>
              merged.has(i.skuId) ? { ...i, unsent: Math.max(0, (i.unsent ?? i.qty) - merged.get(i.skuId)!) } : i,
            ),
          });
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
