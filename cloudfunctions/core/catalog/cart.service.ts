import type { ActionArgs } from '../context';
import type { CartShipping, ServerCart, ServerCartLine } from '../contract';
import type { Executor } from '../db/db';
import { fail, ok, type Result } from '../errors';
import { cartShippingFor, loadFreightBook } from '../freight';
import { defaultShipProvince } from '../member';
import { fen, sumFen, timesQty, type Fen } from '../shared/money';
import { EXPRESS_FEE_FEN } from '../shared/shipping';
import { priceCartRows } from './catalog.service';
import { callerPricing, memberPriceOrNull, type CallerPricing } from './member-pricing';
import { countCartItems, deleteCartItems, findCartItems, setAllSelected, upsertCartItems } from './repo/cart.repo';
import { findSkusWithProduct } from './repo/catalog.repo';

/** As many lines as one checkout may take. */
const CART_LINE_LIMIT = 50;

type SkuRow = Awaited<ReturnType<typeof priceCartRows>>['rows'][number];

/**
 * The shipping line for the ticked lines, priced by freight's rule (the one checkout charges by) for
 * the default address's province. Pickup-only goods pay no express. Two statements at most, whatever
 * the number of lines: the default province, and the templates when some ticked line has one.
 */
async function shippingLine(
  exec: Executor,
  storeId: string,
  o: { memberId: string; thresholdFen: number; ticked: ServerCartLine[]; amounts: Fen[]; rows: SkuRow[] },
): Promise<CartShipping> {
  const bySku = new Map(o.rows.map((r) => [r.sku_id, r]));
  const express = o.ticked.flatMap((l, i) =>
    bySku.get(l.skuId)?.fulfilment.includes('express')
      ? [{ skuId: l.skuId, title: l.title, qty: l.qty, payableFen: o.amounts[i]! }]
      : [],
  );
  const thresholdFen = fen(o.thresholdFen);
  if (o.ticked.length > 0 && express.length === 0) {
    const free = { shippingFen: fen(0), remainingFen: fen(0), undeliverable: null };
    return { status: 'free', province: null, thresholdFen, text: '门店自提，无需运费', ...free };
  }
  const book = await loadFreightBook(
    exec,
    storeId,
    express.map((l) => bySku.get(l.skuId)!),
  );
  // Nothing ticked ships nothing: the province would change no word of the line.
  const province = express.length ? await defaultShipProvince(exec, o.memberId) : null;
  const line = cartShippingFor(book, {
    province,
    lines: express,
    flatFeeFen: EXPRESS_FEE_FEN,
    tierFreeOverFen: thresholdFen,
  });
  return { ...line, thresholdFen };
}

/** The member's server cart at today's prices and their tier: every amount the cart page shows. */
async function cartOf(
  exec: Executor,
  storeId: string,
  pricing: CallerPricing & { memberId: string },
): Promise<ServerCart> {
  const rows = await findCartItems(exec, pricing.memberId);
  const selected = new Map(rows.map((r) => [r.sku_id, r.selected]));
  const priced = rows.length
    ? await priceCartRows(
        exec,
        storeId,
        rows.map((r) => ({ skuId: r.sku_id, qty: r.qty })),
      )
    : null;
  const ownMemberPrice = new Map((priced?.rows ?? []).map((r) => [r.sku_id, r.member_price_fen]));
  const lines: ServerCartLine[] = (priced?.quote.lines ?? []).map((line) => ({
    ...line,
    selected: selected.get(line.skuId) ?? true,
    memberPriceFen: memberPriceOrNull(line.unitPriceFen, pricing, ownMemberPrice.get(line.skuId) ?? null),
  }));
  const ticked = lines.filter((l) => l.available && l.selected);
  const memberTotals = ticked.map((l) => timesQty(l.memberPriceFen ?? l.unitPriceFen, l.qty));
  const selectedTotalFen = memberTotals.length ? sumFen(memberTotals) : fen(0);
  const listTotalFen = ticked.length ? sumFen(ticked.map((l) => l.lineTotalFen)) : fen(0);
  return {
    lines,
    allSelected: lines.some((l) => l.available) && lines.every((l) => !l.available || l.selected),
    selectedTotalFen,
    selectedCount: ticked.reduce((n, l) => n + l.qty, 0),
    memberSavingFen: fen(listTotalFen - selectedTotalFen),
    shipping: await shippingLine(exec, storeId, {
      memberId: pricing.memberId,
      thresholdFen: pricing.freeShippingThresholdFen,
      ticked,
      amounts: memberTotals,
      rows: priced?.rows ?? [],
    }),
  };
}

async function memberPricing(exec: Executor, storeId: string, caller: { memberId: string; openid: string }) {
  return { ...(await callerPricing(exec, storeId, { ...caller, role: 'customer' })), memberId: caller.memberId };
}

/** `catalog.cart.list`. */
export async function listCart({ caller, ctx, exec }: ActionArgs<'catalog.cart.list'>): Promise<Result<ServerCart>> {
  return ok(await cartOf(exec, ctx.storeId, await memberPricing(exec, ctx.storeId, caller)));
}

/**
 * `catalog.cart.set`: upserts lines. A merge (a device's local cart joining the account) skips SKUs
 * the store no longer has; a plain set of an unknown SKU is NOT_FOUND. The idempotency key makes a
 * retried merge add its quantities once.
 */
export async function setCart({
  input,
  caller,
  ctx,
  exec,
}: ActionArgs<'catalog.cart.set'>): Promise<Result<ServerCart>> {
  const known = new Set(
    (
      await findSkusWithProduct(
        exec,
        ctx.storeId,
        input.items.map((i) => i.skuId),
      )
    ).map((r) => r.sku_id),
  );
  const items = input.items.filter((i) => known.has(i.skuId));
  if (!input.merge && items.length < input.items.length) return fail('NOT_FOUND', '商品规格不存在');
  await upsertCartItems(exec, { memberId: caller.memberId, items, merge: input.merge === true, now: ctx.now });
  if ((await countCartItems(exec, caller.memberId)) > CART_LINE_LIMIT) {
    return fail('VALIDATION_FAILED', `购物车最多放 ${CART_LINE_LIMIT} 种商品`, { limit: CART_LINE_LIMIT });
  }
  return ok(await cartOf(exec, ctx.storeId, await memberPricing(exec, ctx.storeId, caller)));
}

/** `catalog.cart.selectAll`: 全选 on or off. */
export async function selectAllInCart({
  input,
  caller,
  ctx,
  exec,
}: ActionArgs<'catalog.cart.selectAll'>): Promise<Result<ServerCart>> {
  await setAllSelected(exec, caller.memberId, input.selected, ctx.now);
  return ok(await cartOf(exec, ctx.storeId, await memberPricing(exec, ctx.storeId, caller)));
}

/** `catalog.cart.remove`. */
export async function removeFromCart({
  input,
  caller,
  ctx,
  exec,
}: ActionArgs<'catalog.cart.remove'>): Promise<Result<ServerCart>> {
  await deleteCartItems(exec, caller.memberId, input.skuIds);
  return ok(await cartOf(exec, ctx.storeId, await memberPricing(exec, ctx.storeId, caller)));
}
