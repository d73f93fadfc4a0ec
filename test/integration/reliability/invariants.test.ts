import { beforeAll, expect, it } from 'vitest';
import { sql } from 'kysely';
import type { Executor } from '../../../cloudfunctions/core/db/db';
import { checkInvariants, invariantCodes, type InvariantResult } from '../../../cloudfunctions/core/ops/invariants';
import { describeEachDatabase } from '../../support/databases';
import { makeBusyStore, type BusyStore } from './busy-store';

class RolledBack extends Error {}

describeEachDatabase('store invariants', (use) => {
  let busy: BusyStore;
  beforeAll(async () => {
    busy = await makeBusyStore(use());
  }, 120_000);

  /** Corrupts inside a transaction, checks there, and rolls back: every test starts from the busy store. */
  async function checkCorrupted(corrupt: (tx: Executor) => Promise<unknown>): Promise<InvariantResult[]> {
    let results: InvariantResult[] = [];
    await use()
      .kysely.transaction()
      .execute(async (tx) => {
        await corrupt(tx);
        results = await checkInvariants(tx);
        throw new RolledBack();
      })
      .catch((error) => {
        if (!(error instanceof RolledBack)) throw error;
      });
    return results;
  }

  /** Only `code` fails, naming `offender`. */
  function expectOnly(results: InvariantResult[], code: string, offender: string) {
    const failing = results.filter((r) => r.violations.length > 0).map((r) => r.code);
    expect(failing).toEqual([code]);
    expect(results.find((r) => r.code === code)!.violations.map((v) => v.id)).toContain(offender);
  }

  it('every invariant passes on a busy store and has something to check', async () => {
    const results = await checkInvariants(use().kysely);
    expect(results.map((r) => r.code)).toEqual(invariantCodes);
    for (const r of results) {
      expect({ code: r.code, violations: r.violations }).toEqual({ code: r.code, violations: [] });
      expect(r.checked, r.code).toBeGreaterThan(0);
    }
  });

  it('STOCK_CONSERVED catches a SKU whose stock moved without an order, refund or manager edit', async () => {
    const results = await checkCorrupted((tx) =>
      tx
        .updateTable('skus')
        .set((eb) => ({ stock: eb('stock', '+', 1) }))
        .where('id', '=', busy.skuId)
        .execute(),
    );
    expectOnly(results, 'STOCK_CONSERVED', busy.skuId);
  });

  it('POINTS_BALANCED catches a balance that is not the sum of its ledger entries', async () => {
    const results = await checkCorrupted((tx) =>
      tx
        .updateTable('members')
        .set((eb) => ({ points_balance: eb('points_balance', '+', 5) }))
        .where('id', '=', busy.memberId)
        .execute(),
    );
    expectOnly(results, 'POINTS_BALANCED', busy.memberId);
  });

  it('PAID_ORDER_HAS_ONE_PAYMENT catches a paid order whose payment record is gone', async () => {
    const results = await checkCorrupted((tx) =>
      tx.deleteFrom('payments').where('order_id', '=', busy.paidOrderId).execute(),
    );
    expectOnly(results, 'PAID_ORDER_HAS_ONE_PAYMENT', busy.paidOrderId);
  });

  it('PAID_ORDER_HAS_ONE_PAYMENT catches a second payment kept without a refund', async () => {
    const results = await checkCorrupted((tx) =>
      tx
        .insertInto('payments')
        .values({
          transaction_id: 'corrupt-second-payment',
          order_id: busy.paidOrderId,
          amount_fen: 100,
          paid_at: new Date(),
          raw: '{}',
        })
        .execute(),
    );
    expectOnly(results, 'PAID_ORDER_HAS_ONE_PAYMENT', busy.paidOrderId);
  });

  it('REFUND_RECORDED catches refunded lines whose refund record did not succeed', async () => {
    const results = await checkCorrupted((tx) =>
      tx.updateTable('refunds').set({ status: 'failed' }).where('order_id', '=', busy.refundedOrderId).execute(),
    );
    expectOnly(results, 'REFUND_RECORDED', busy.refundedOrderId);
  });

  it('REFUNDS_WITHIN_PAYMENT catches refunds committing more than their payment brought in (past the database trigger)', async () => {
    let transactionId = '';
    const results = await checkCorrupted(async (tx) => {
      const paid = await tx
        .selectFrom('orders')
        .select(['transaction_id', 'payable_fen'])
        .where('id', '=', busy.paidOrderId)
        .executeTakeFirstOrThrow();
      transactionId = paid.transaction_id!;
      // The trigger refuses this write; the invariant is the second line for whatever gets past it.
      await sql`alter table refunds disable trigger refunds_within_payment`.execute(tx);
      await tx
        .insertInto('refunds')
        .values({
          id: 'corrupt-over-refund',
          order_id: busy.paidOrderId,
          kind: 'payment_return',
          transaction_id: transactionId,
          out_refund_no: 'corruptOverRefund',
          status: 'processing',
          amount_fen: paid.payable_fen + 1,
          line_ids: [],
          whole_order: false,
          reason: 'x',
          initiated_by: 'system',
          reject_reason: null,
          failure_reason: null,
          wx_refund_id: null,
          created_at: new Date(),
          decided_at: new Date(),
          completed_at: null,
        })
        .execute();
    });
    expectOnly(results, 'REFUNDS_WITHIN_PAYMENT', transactionId);
  });

  it('TEAM_WITHIN_SIZE catches a team whose joined count is not its members', async () => {
    const results = await checkCorrupted((tx) =>
      tx
        .updateTable('groupbuy_teams')
        .set((eb) => ({ joined: eb('joined', '-', 1) }))
        .where('id', '=', busy.teamId)
        .execute(),
    );
    expectOnly(results, 'TEAM_WITHIN_SIZE', busy.teamId);
  });

  it('COUPON_USED_ONCE catches one coupon held by two live orders', async () => {
    const results = await checkCorrupted((tx) =>
      tx.updateTable('orders').set({ coupon_id: busy.couponId }).where('id', '=', busy.paidOrderId).execute(),
    );
    expectOnly(results, 'COUPON_USED_ONCE', busy.couponId);
  });

  it('REWARD_HAS_SETTLED_ORDER catches a referral reward whose order never settled', async () => {
    const results = await checkCorrupted((tx) =>
      tx.updateTable('orders').set({ settled_at: null }).where('id', '=', busy.referralOrderId).execute(),
    );
    expectOnly(results, 'REWARD_HAS_SETTLED_ORDER', busy.referralId);
  });

  it('a SKU inserted later gets its initial stock recorded by the database itself', async () => {
    const results = await checkCorrupted(async (tx) => {
      const product = await tx.selectFrom('products').select('id').limit(1).executeTakeFirstOrThrow();
      await tx
        .insertInto('skus')
        .values({ id: 'sku-late', product_id: product.id, specs: '{}', price_fen: 100, stock: 9 })
        .execute();
      const { rows } = await sql<{
        initial_stock: number;
        source: string;
      }>`select initial_stock, source from sku_stock_baselines where sku_id = 'sku-late'`.execute(tx);
      expect(rows).toEqual([{ initial_stock: 9, source: 'created' }]);
    });
    expect(results.every((r) => r.violations.length === 0)).toBe(true);
  });
});
