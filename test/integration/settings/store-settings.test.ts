import { expect, it } from 'vitest';
import '../../support/subscribers';
import { describeEachDatabase } from '../../support/databases';
import { callAction, okData } from '../../support/call';
import type { Db } from '../../../cloudfunctions/core/db/db';
import type { SettingValue } from '../../../cloudfunctions/core/contract';
import { runOrderTimer } from '../../../cloudfunctions/core/order/lifecycle.service';
import { runOutboxWorker } from '../../../cloudfunctions/core/outbox/outbox-worker';
import {
  MANAGER,
  T0,
  daysAfter,
  errorCode,
  jobContext,
  makePaidOrder,
  minutesAfter,
  newKey,
  newOpenid,
  orderRow,
  setStock,
} from '../order/order-factory';
import { after, memberWithCode, NOW, receipt, STAFF } from '../staff/staff-factory';

const SKU = 'sku-amino-acid-cleanser-1';

async function save(
  db: Db,
  section: 'points' | 'orderRules' | 'contact' | 'templates' | 'tiers' | 'referral' | 'nudge',
  values: object,
  version: number,
  now = T0,
) {
  return callAction(
    db,
    'manager.saveSettings',
    { section, values: Object.entries(values).map(([key, value]) => ({ key, value: value as number })), version },
    { openid: MANAGER, now, idempotencyKey: newKey() },
  );
}

async function version(db: Db): Promise<number> {
  return okData(await callAction(db, 'manager.getSettings', {}, { openid: MANAGER, now: T0 })).version;
}

async function written(db: Db) {
  const count = async (table: 'store_settings' | 'audit_log') =>
    Number(
      (
        await db.kysely
          .selectFrom(table)
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  return { settings: await count('store_settings'), audit: await count('audit_log') };
}

async function earnedBy(db: Db, orderId: string): Promise<number> {
  const row = await db.kysely
    .selectFrom('points_entries')
    .select('delta')
    .where('order_id', '=', orderId)
    .where('reason', '=', 'earn')
    .executeTakeFirst();
  return Number(row?.delta ?? 0);
}

async function ship(db: Db, orderId: string, at: Date) {
  okData(
    await callAction(
      db,
      'manager.shipOrder',
      { orderId, carrier: '顺丰', trackingNo: `SF${orderId.slice(-8)}` },
      { openid: MANAGER, now: at, idempotencyKey: newKey() },
    ),
  );
}

describeEachDatabase('store settings', (use) => {
  it('starts at the defaults (today’s rules), and customers read only the 客服 contact', async () => {
    const view = okData(await callAction(use(), 'manager.getSettings', {}, { openid: MANAGER, now: T0 }));
    expect(view.version).toBe(0);
    const values = Object.fromEntries(
      view.sections.map((s) => [s.code, Object.fromEntries(s.fields.map((f) => [f.key, f.value]))]),
    );
    expect(values).toEqual({
      points: { earnPointsPerYuan: 1, redeemCapPercent: 50, redeemPointsPerYuan: 100 },
      orderRules: { paymentWindowMinutes: 30, autoConfirmDays: 7, refundWindowDays: 7 },
      templates: { subscribeAfterPay: [], groupbuySuccess: '', groupbuyFailed: '', restock: '' },
      contact: { phone: '', wecomUrl: '' },
      // Kept in their own tables: the seeded tiers, the referral and nudge defaults.
      tiers: expect.objectContaining({
        'normal.minGrowth': 0,
        'gold.memberPricePercent': 95,
        'normal.freeShippingYuan': 99,
      }),
      referral: {
        rewardKind: 'points',
        rewardPoints: 500,
        rewardTemplateId: '',
        friendTemplateId: 'ct-referral-friend-15',
        dailyCap: 5,
        monthlyCap: 30,
        bindingDays: 30,
      },
      nudge: expect.objectContaining({ capDays: 7, quietStartHour: 21, quietEndHour: 9, 'win_back.enabled': true }),
    });
    expect(okData(await callAction(use(), 'catalog.storeService', {}, { openid: null }))).toEqual({
      phone: null,
      wecomUrl: null,
    });
    expect(errorCode(await callAction(use(), 'manager.getSettings', {}, { openid: newOpenid() }))).toBe('FORBIDDEN');
  });

  it('a save is a new version, audited with each field before and after; stale and invalid saves write nothing', async () => {
    const v = await version(use());
    const before = await written(use());
    const invalid = await save(
      use(),
      'orderRules',
      { paymentWindowMinutes: 30, autoConfirmDays: 0, refundWindowDays: 7 },
      v,
    );
    expect(invalid).toMatchObject({
      ok: false,
      error: { code: 'SETTINGS_INVALID', details: { field: 'autoConfirmDays' } },
    });
    expect(invalid.ok ? '' : invalid.error.message).toContain('发货后自动确认收货');
    const unknownField = await save(use(), 'contact', { phone: '400-800-1234', wecomUrl: '', extra: 'x' }, v);
    expect(errorCode(unknownField)).toBe('SETTINGS_INVALID');
    expect(errorCode(await save(use(), 'contact', { phone: '400-800-1234', wecomUrl: '' }, v + 1))).toBe(
      'SETTINGS_CHANGED',
    );
    expect(await written(use())).toEqual(before);

    const saved = okData(await save(use(), 'contact', { phone: '400-800-1234', wecomUrl: '' }, v));
    expect(saved).toMatchObject({
      version: v + 1,
      changed: [{ field: 'phone', label: '客服电话（H5）', before: '', after: '400-800-1234' }],
    });
    // The same version again (a second manager's page loaded before the save) is refused.
    expect(errorCode(await save(use(), 'contact', { phone: '021-1234567', wecomUrl: '' }, v))).toBe('SETTINGS_CHANGED');
    expect(okData(await callAction(use(), 'catalog.storeService', {}, { openid: null }))).toEqual({
      phone: '400-800-1234',
      wecomUrl: null,
    });
    const audit = await use()
      .kysely.selectFrom('audit_log')
      .select(['action', 'role', 'detail'])
      .where('action', '=', 'manager.saveSettings')
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    expect(audit).toMatchObject({
      role: 'manager',
      detail: {
        section: 'contact',
        version: v,
        values: [
          { key: 'phone', value: '400-800-1234' },
          { key: 'wecomUrl', value: '' },
        ],
        result: { changed: [{ field: 'phone', label: '客服电话（H5）', before: '', after: '400-800-1234' }] },
      },
    });
  });

  it('the pay page asks consent for the templates the store set', async () => {
    await setStock(use(), SKU, 50);
    const v = await version(use());
    const templates = {
      subscribeAfterPay: ['tpl-ship', 'tpl-refund'],
      groupbuySuccess: '',
      groupbuyFailed: '',
      restock: '',
    };
    okData(await save(use(), 'templates', templates, v));
    const openid = newOpenid();
    const created = okData(
      await callAction(
        use(),
        'order.create',
        { items: [{ skuId: SKU, qty: 1 }], delivery: { type: 'pickup' } },
        { openid, now: T0, idempotencyKey: newKey() },
      ),
    );
    const pay = okData(await callAction(use(), 'order.pay', { orderId: created.orderId }, { openid, now: T0 }));
    expect(pay.subscribeTemplateIds).toEqual(['tpl-ship', 'tpl-refund']);
  });

  it('an order keeps the rules it was placed under: earn rate, payment window, auto-confirm and refund window', async () => {
    await setStock(use(), SKU, 50);
    const old = await makePaidOrder(use(), { items: [{ skuId: SKU, qty: 1 }], now: T0 });
    const v = await version(use());
    okData(
      await save(
        use(),
        'points',
        { earnPointsPerYuan: 3, redeemCapPercent: 50, redeemPointsPerYuan: 100 },
        v,
        minutesAfter(T0, 5),
      ),
    );
    okData(
      await save(
        use(),
        'orderRules',
        { paymentWindowMinutes: 10, autoConfirmDays: 3, refundWindowDays: 1 },
        v + 1,
        minutesAfter(T0, 6),
      ),
    );
    const placedAt = minutesAfter(T0, 10);
    const fresh = await makePaidOrder(use(), { items: [{ skuId: SKU, qty: 1 }], now: placedAt });

    const [oldRow, freshRow] = [await orderRow(use(), old.orderId), await orderRow(use(), fresh.orderId)];
    expect(oldRow).toMatchObject({
      settings_version: v === 0 ? null : v,
      auto_confirm_days: 7,
      refund_window_days: 7,
      points_per_yuan: 1,
    });
    expect(freshRow).toMatchObject({
      settings_version: v + 2,
      auto_confirm_days: 3,
      refund_window_days: 1,
      points_per_yuan: 3,
    });
    expect(freshRow.expires_at.getTime() - placedAt.getTime()).toBe(10 * 60_000);
    expect(oldRow.expires_at.getTime() - T0.getTime()).toBe(30 * 60_000);

    const shippedAt = minutesAfter(T0, 60);
    await ship(use(), old.orderId, shippedAt);
    await ship(use(), fresh.orderId, shippedAt);

    // Day 3: only the new order confirms itself.
    await runOrderTimer(jobContext(use(), daysAfter(shippedAt, 3)));
    expect((await orderRow(use(), fresh.orderId)).status).toBe('completed');
    expect((await orderRow(use(), old.orderId)).status).toBe('shipped');

    // Half a day after its completion the new order's 1-day refund window is still open; at 1.5 days
    // it is closed (the timer has not run), while the old order keeps 7 days.
    const view = async (o: { orderId: string; openid: string }, at: Date) =>
      okData(await callAction(use(), 'order.get', { orderId: o.orderId }, { openid: o.openid, now: at }));
    expect((await view(fresh, daysAfter(shippedAt, 3.5))).actions.requestRefund).toBe(true);
    expect((await view(fresh, daysAfter(shippedAt, 4.5))).actions.requestRefund).toBe(false);
    const refused = await callAction(
      use(),
      'order.requestRefund',
      { orderId: fresh.orderId, reason: '不想要了' },
      { openid: fresh.openid, now: daysAfter(shippedAt, 4.5), idempotencyKey: newKey() },
    );
    expect(errorCode(refused)).toBe('REFUND_NOT_ALLOWED');

    // Day 4: the new order settles (3 + 1 days); the old one confirms at day 7 and settles at day 14.
    await runOrderTimer(jobContext(use(), daysAfter(shippedAt, 4)));
    expect((await orderRow(use(), fresh.orderId)).status).toBe('settled');
    await runOrderTimer(jobContext(use(), daysAfter(shippedAt, 7)));
    expect((await orderRow(use(), old.orderId)).status).toBe('completed');
    expect((await view(old, daysAfter(shippedAt, 10))).actions.requestRefund).toBe(true);
    await runOrderTimer(jobContext(use(), daysAfter(shippedAt, 13)));
    expect((await orderRow(use(), old.orderId)).status).toBe('completed');
    await runOrderTimer(jobContext(use(), daysAfter(shippedAt, 14)));
    expect((await orderRow(use(), old.orderId)).status).toBe('settled');

    await runOutboxWorker(jobContext(use(), daysAfter(shippedAt, 14)));
    const yuan = Math.floor(old.payableFen / 100);
    expect(fresh.payableFen).toBe(old.payableFen);
    expect(await earnedBy(use(), old.orderId)).toBe(yuan);
    expect(await earnedBy(use(), fresh.orderId)).toBe(yuan * 3);
  });

  it('tiers, referral and nudge settings are saved to their own tables, checked by their owners, versioned and audited', async () => {
    const view = okData(await callAction(use(), 'manager.getSettings', {}, { openid: MANAGER, now: T0 }));
    const current = (code: string) =>
      Object.fromEntries(view.sections.find((x) => x.code === code)!.fields.map((f) => [f.key, f.value]));
    const tiers = current('tiers');
    expect(tiers).toMatchObject({
      'normal.minGrowth': 0,
      'silver.minGrowth': 1000,
      'silver.pointsMultiplierPercent': 120,
    });

    // Thresholds must rise tier by tier; nothing is written when they do not.
    const before = await written(use());
    const refused = await save(use(), 'tiers', { ...tiers, 'gold.minGrowth': 900 }, view.version);
    expect(refused).toMatchObject({
      ok: false,
      error: { code: 'SETTINGS_INVALID', details: { field: 'gold.minGrowth' } },
    });
    expect(await written(use())).toEqual(before);

    // Silver moves onto gold's old threshold and gold above it: no collision on the unique threshold.
    const moved = { ...tiers, 'silver.minGrowth': 5000, 'gold.minGrowth': 8000, 'silver.pointsMultiplierPercent': 130 };
    okData(await save(use(), 'tiers', moved, view.version));
    const rows = await use()
      .kysely.selectFrom('tiers')
      .select(['code', 'min_growth', 'benefits'])
      .where('store_id', '=', 'demo')
      .execute();
    const silver = rows.find((r) => r.code === 'silver')!;
    expect([silver.min_growth, (silver.benefits as { pointsMultiplier: number }).pointsMultiplier]).toEqual([
      5000, 1.3,
    ]);
    expect(rows.find((r) => r.code === 'gold')!.min_growth).toBe(8000);

    const referral = { ...current('referral'), dailyCap: 2 };
    okData(await save(use(), 'referral', referral, view.version + 1));
    const referralRow = await use()
      .kysely.selectFrom('referral_settings')
      .selectAll()
      .where('store_id', '=', 'demo')
      .executeTakeFirstOrThrow();
    expect(referralRow.daily_cap).toBe(2);

    const nudge = current('nudge');
    const badArgs = await save(use(), 'nudge', { ...nudge, 'win_back.windowDays': 99 }, view.version + 2);
    expect(badArgs).toMatchObject({
      ok: false,
      error: { code: 'SETTINGS_INVALID', details: { field: 'win_back.windowDays' } },
    });
    okData(
      await save(
        use(),
        'nudge',
        { ...nudge, quietStartHour: 22, 'win_back.enabled': false, 'win_back.windowDays': 5 },
        view.version + 2,
      ),
    );
    const nudgeRow = await use()
      .kysely.selectFrom('nudge_settings')
      .selectAll()
      .where('store_id', '=', 'demo')
      .executeTakeFirstOrThrow();
    expect(nudgeRow.quiet_start_hour).toBe(22);
    expect(nudgeRow.trigger_args).toMatchObject({ win_back: { enabled: false, windowDays: 5 } });

    const after = okData(await callAction(use(), 'manager.getSettings', {}, { openid: MANAGER, now: T0 }));
    expect(after.version).toBe(view.version + 3);
    const audited = await use()
      .kysely.selectFrom('audit_log')
      .select('detail')
      .where('action', '=', 'manager.saveSettings')
      .orderBy('id', 'desc')
      .limit(3)
      .execute();
    expect(audited.map((a) => (a.detail as { section: string }).section)).toEqual(['nudge', 'referral', 'tiers']);
  });

  it('the counter awards in-store receipts at the same points per yuan', async () => {
    const award = async (at: Date) =>
      okData(
        await callAction(
          use(),
          'staff.awardPoints',
          { code: (await memberWithCode(use(), at)).code, amountFen: 8_800, receiptNo: receipt() },
          { openid: STAFF, now: after(5, at), idempotencyKey: newKey() },
        ),
      ).pointsAwarded;
    const rate = async (earnPointsPerYuan: number) =>
      okData(
        await save(
          use(),
          'points',
          { earnPointsPerYuan, redeemCapPercent: 50, redeemPointsPerYuan: 100 },
          await version(use()),
        ),
      );
    // ¥88.00 at the counter, a new member (multiplier 1): 88 points per 1 a yuan, 176 at 2 a yuan.
    await rate(1);
    expect(await award(NOW)).toBe(88);
    await rate(2);
    expect(await award(after(120))).toBe(176);
  });
});
