import type { Executor } from '../db/db';

/** The order a payment just paid, as the payment callback read (and locked) it: read once. */
export interface PaidOrder {
  id: string;
  storeId: string;
  memberId: string;
  groupBuy: unknown;
}

/**
 * What another context does the moment WeChat's payment is recorded, in the same transaction (a
 * group-buy order takes its team seat, or is refunded). Registered by core/plugins, so payment never
 * imports the contexts that react to it.
 */
export type PaidHook = (tx: Executor, order: PaidOrder, paidAt: Date) => Promise<unknown>;

const hooks: PaidHook[] = [];

export function onOrderPaid(hook: PaidHook): void {
  if (!hooks.includes(hook)) hooks.push(hook);
}

export async function runPaidHooks(tx: Executor, order: PaidOrder, paidAt: Date): Promise<void> {
  for (const hook of hooks) await hook(tx, order, paidAt);
}
