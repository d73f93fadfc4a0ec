import { sql } from 'kysely';
import { expect, it } from 'vitest';
import { callAction, okData } from '../../support/call';
import { describeOnPostgres } from '../../support/databases';
import { createInput, newKey, newOpenid, stockOf } from '../order/order-factory';
import { asManager, resave, twoByTwo } from './catalog-admin-factory';

describeOnPostgres('the product editor saving stock while checkout sells', (use) => {
  const ROUNDS = 20;
  it(`${ROUNDS} rounds: no sale is lost and initial + edits = stock + sold on every SKU`, async () => {
    const tally = { saved: 0, stale: 0, sold: 0 };
    for (let round = 0; round < ROUNDS; round++) {
      const made = okData(await asManager(use(), 'manager.saveProduct', twoByTwo()));
      const sku = made.skus[0]!.skuId;
      const edit = resave(made);
      edit.skus[0] = { ...edit.skus[0]!, stock: 30 };
      // Staggered starts: the edit lands before the sales, between them or after them.
      const delay = (round % 5) * 15;
      const [saved, ...orders] = await Promise.all([
        new Promise((r) => setTimeout(r, delay)).then(() => asManager(use(), 'manager.saveProduct', edit)),
        ...[1, 2].map(() =>
          callAction(use(), 'order.create', createInput([{ skuId: sku, qty: 1 }]), {
            openid: newOpenid(),
            idempotencyKey: newKey(),
          }),
        ),
      ]);
      const sold = orders.filter((o) => o.ok).length;
      expect(sold).toBe(2); // stock never ran out: each sale must land, whatever the editor does
      tally.sold += sold;
      const stock = await stockOf(use(), sku);
      if (saved.ok) {
        tally.saved++;
        // It still saw 10, so both sales came after it and took from its 30.
        expect(stock).toBe(28);
      } else {
        expect(saved.error.code).toBe('STOCK_CHANGED');
        tally.stale++;
        expect(stock).toBe(8);
      }
      const { rows } = await sql<{ initial: number; edits: number; sold: number; stock: number }>`
        select b.initial_stock as initial,
               coalesce((select sum(delta) from sku_stock_adjustments a where a.sku_id = s.id), 0)::int as edits,
               coalesce((select sum(l.qty) from order_lines l join orders o on o.id = l.order_id
                          where l.sku_id = s.id and o.status <> 'cancelled'), 0)::int as sold,
               s.stock
          from skus s join sku_stock_baselines b on b.sku_id = s.id where s.id = ${sku}`.execute(use().kysely);
      const r = rows[0]!;
      expect(r.initial + r.edits).toBe(r.stock + r.sold);
    }
    expect(tally.saved + tally.stale).toBe(ROUNDS);
    expect(tally.sold).toBe(2 * ROUNDS);
    console.log(`[catalog-admin race] ${JSON.stringify(tally)}`);
  });
});
