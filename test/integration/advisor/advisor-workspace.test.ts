import { expect, it } from 'vitest';
import { callAction, okData } from '../../support/call';
import { describeEachDatabase, tableCounts } from '../../support/databases';
import { errorOf } from '../staff/staff-factory';
import { makeTemplate } from '../coupon/coupon-factory';
import {
  bindingOf,
  daysBefore,
  issue,
  JINGAN,
  key,
  makeAdvisor,
  makeAdvisorTemplate,
  makeAttributedOrder,
  makeCustomer,
  MANAGER,
  NOW,
  XUHUI,
} from './advisor-factory';

const asManager = <N extends Parameters<typeof callAction>[1]>(
  db: Parameters<typeof callAction>[0],
  name: N,
  data: Parameters<typeof callAction<N>>[2],
) => callAction(db, name, data, { openid: MANAGER, now: NOW, idempotencyKey: key() });

describeEachDatabase('advisor workspace: 我的顾客', (use) => {
  it('lists only the advisor’s members, with last order, points, due and birthday; sorts and filters', async () => {
    const adv = await makeAdvisor(use());
    const other = await makeAdvisor(use());
    // Bought the 30-day mask 40 days ago and never again: due. Birthday in May (NOW is 2026-05-20).
    const due = await makeCustomer(use(), adv, {
      nickname: '到期',
      birthday: '1990-05-03',
      points: 10,
      boundAt: daysBefore(50),
    });
    await makeAttributedOrder(use(), { openid: due.openid, advisorOpenid: adv, paidDaysAgo: 40 });
    const rich = await makeCustomer(use(), adv, { nickname: '积分多', points: 900, boundAt: daysBefore(5) });
    await makeAttributedOrder(use(), { openid: rich.openid, advisorOpenid: adv, paidDaysAgo: 2 });
    const quiet = await makeCustomer(use(), adv, { nickname: '未下单', points: 50, boundAt: daysBefore(1) });
    await makeCustomer(use(), other, { nickname: '别人的' });
    await makeCustomer(use(), null, { nickname: '门店池' });

    const byLast = okData(await callAction(use(), 'staff.myCustomers', {}, { openid: adv, now: NOW }));
    expect(byLast.items.map((c) => c.nickname)).toEqual(['积分多', '到期', '未下单']);
    expect(byLast.items[1]).toMatchObject({
      memberId: due.memberId,
      dueForRepurchase: true,
      birthdayThisMonth: true,
      points: 10,
      tier: { code: expect.any(String) },
    });
    expect(byLast.items[0]).toMatchObject({ dueForRepurchase: false, birthdayThisMonth: false });
    expect(byLast.items[2]!.lastOrderAt).toBeNull();

    const byPoints = okData(
      await callAction(use(), 'staff.myCustomers', { sort: 'points' }, { openid: adv, now: NOW }),
    );
    expect(byPoints.items.map((c) => c.memberId)).toEqual([rich.memberId, quiet.memberId, due.memberId]);
    const byBound = okData(await callAction(use(), 'staff.myCustomers', { sort: 'bound' }, { openid: adv, now: NOW }));
    expect(byBound.items.map((c) => c.memberId)).toEqual([quiet.memberId, rich.memberId, due.memberId]);
    const dueOnly = okData(await callAction(use(), 'staff.myCustomers', { filter: 'due' }, { openid: adv, now: NOW }));
    expect(dueOnly.items.map((c) => c.memberId)).toEqual([due.memberId]);
    const birthdays = okData(
      await callAction(use(), 'staff.myCustomers', { filter: 'birthday' }, { openid: adv, now: NOW }),
    );
    expect(birthdays.items.map((c) => c.memberId)).toEqual([due.memberId]);
    const tier = okData(
      await callAction(use(), 'staff.myCustomers', { tier: 'no-such-tier' }, { openid: adv, now: NOW }),
    );
    expect(tier.items).toEqual([]);
  });

  it('pages by keyset across equal sort keys without repeating or skipping anyone', async () => {
    const adv = await makeAdvisor(use());
    const ids = [];
    for (let i = 0; i < 7; i++) ids.push((await makeCustomer(use(), adv, { points: i < 4 ? 100 : 200 })).memberId);
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = okData(
        await callAction(use(), 'staff.myCustomers', { sort: 'points', limit: 3, cursor }, { openid: adv, now: NOW }),
      );
      seen.push(...page.items.map((c) => c.memberId));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(seen).toHaveLength(7);
    expect(new Set(seen)).toEqual(new Set(ids));
  });

  it('customerDetail shows the own customer with orders; another advisor’s member is NOT_FOUND and writes nothing', async () => {
    const adv = await makeAdvisor(use(), { budgetFen: 5000 });
    const mine = await makeCustomer(use(), adv);
    const order = await makeAttributedOrder(use(), { openid: mine.openid, advisorOpenid: adv, paidDaysAgo: 3 });
    const theirs = await makeCustomer(use(), await makeAdvisor(use()));
    const detail = okData(
      await callAction(use(), 'staff.customerDetail', { memberId: mine.memberId }, { openid: adv, now: NOW }),
    );
    expect(detail.customer.memberId).toBe(mine.memberId);
    expect(detail.orders.map((o) => o.orderId)).toEqual([order.orderId]);
    expect(detail.budget).toMatchObject({ month: '2026-05', budgetFen: 5000, spentFen: 0, remainingFen: 5000 });
    const before = await tableCounts(use());
    expect(
      errorOf(
        await callAction(use(), 'staff.customerDetail', { memberId: theirs.memberId }, { openid: adv, now: NOW }),
      ),
    ).toBe('NOT_FOUND');
    expect(await tableCounts(use())).toEqual(before);
  });
});

describeEachDatabase('advisor workspace: issuing within the budget', (use) => {
  it('issues at face value, audits, refuses over budget, a non-advisor template and someone else’s member', async () => {
    const adv = await makeAdvisor(use(), { budgetFen: 2500 });
    const m = await makeCustomer(use(), adv);
    const ten = await makeAdvisorTemplate(use(), { args: { amountFen: 1000 } });
    const first = okData(await issue(use(), adv, m.memberId, ten));
    expect(first).toMatchObject({
      memberId: m.memberId,
      templateId: ten,
      costFen: 1000,
      budget: { budgetFen: 2500, spentFen: 1000, remainingFen: 1500 },
    });
    const coupon = await use()
      .kysely.selectFrom('coupons')
      .selectAll()
      .where('id', '=', first.couponId)
      .executeTakeFirstOrThrow();
    expect(coupon).toMatchObject({ member_id: m.memberId, source: 'staff', status: 'usable' });
    okData(await issue(use(), adv, m.memberId, ten));
    const over = await issue(use(), adv, m.memberId, ten);
    expect(errorOf(over)).toBe('ADVISOR_BUDGET_EXCEEDED');
    expect(over.ok ? null : over.error.details).toMatchObject({ costFen: 1000, remainingFen: 500 });

    const plain = await makeTemplate(use());
    expect(errorOf(await issue(use(), adv, m.memberId, plain))).toBe('ADVISOR_TEMPLATE_NOT_ALLOWED');
    const stranger = await makeCustomer(use(), null);
    expect(errorOf(await issue(use(), adv, stranger.memberId, ten))).toBe('NOT_FOUND');

    const audit = await use()
      .kysely.selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'staff.issueCoupon')
      .where('who', '=', adv)
      .execute();
    expect(audit).toHaveLength(2);
    expect(audit[0]).toMatchObject({ member_id: m.memberId, role: 'staff', amount_fen: 1000 });
    const budget = okData(await callAction(use(), 'staff.myBudget', {}, { openid: adv, now: NOW }));
    expect(budget.budget).toMatchObject({ spentFen: 2000, remainingFen: 500 });
    expect(budget.templates.find((t) => t.templateId === ten)).toMatchObject({ costFen: 1000 });
  });

  it('a refusal by the coupon context (per-member limit) rolls the budget charge back', async () => {
    const adv = await makeAdvisor(use(), { budgetFen: 10_000 });
    const m = await makeCustomer(use(), adv);
    const once = await makeAdvisorTemplate(use(), { perMemberLimit: 1 });
    okData(await issue(use(), adv, m.memberId, once));
    expect(errorOf(await issue(use(), adv, m.memberId, once))).toBe('COUPON_LIMIT_REACHED');
    const row = await use()
      .kysely.selectFrom('advisor_budgets')
      .selectAll()
      .where('staff_openid', '=', adv)
      .executeTakeFirstOrThrow();
    expect(row.spent_fen).toBe(1000);
    expect(
      await use()
        .kysely.selectFrom('advisor_coupon_issues')
        .select('coupon_id')
        .where('staff_openid', '=', adv)
        .execute(),
    ).toHaveLength(1);
  });

  it('a new Shanghai month starts from the standing budget; a 折扣 without a cap cannot be made advisor-issuable', async () => {
    const adv = await makeAdvisor(use(), { budgetFen: 1000 });
    const m = await makeCustomer(use(), adv);
    const capped = await makeAdvisorTemplate(use(), { kind: 'percent_off', args: { percentOff: 20, capFen: 1000 } });
    okData(await issue(use(), adv, m.memberId, capped));
    expect(errorOf(await issue(use(), adv, m.memberId, capped))).toBe('ADVISOR_BUDGET_EXCEEDED');
    // 2026-05-31 16:00Z is 2026-06-01 00:00 in Shanghai.
    const june = okData(await issue(use(), adv, m.memberId, capped, key(), new Date('2026-05-31T16:00:00Z')));
    expect(june.budget).toMatchObject({ month: '2026-06', spentFen: 1000 });

    const uncapped = await makeTemplate(use(), { kind: 'percent_off', args: { percentOff: 20 } });
    expect(
      errorOf(await asManager(use(), 'manager.setAdvisorTemplate', { templateId: uncapped, advisorIssuable: true })),
    ).toBe('ADVISOR_TEMPLATE_UNBOUNDED');
  });

  it('the manager sets a budget; this month’s row follows, and advisors lists it with customer counts', async () => {
    const adv = await makeAdvisor(use(), { budgetFen: 0, name: '小绿' });
    await makeCustomer(use(), adv);
    await makeCustomer(use(), adv);
    const m = await makeCustomer(use(), adv);
    const ten = await makeAdvisorTemplate(use());
    expect(errorOf(await issue(use(), adv, m.memberId, ten))).toBe('ADVISOR_BUDGET_EXCEEDED');
    const set = okData(await asManager(use(), 'manager.setAdvisorBudget', { openid: adv, budgetFen: 3000 }));
    expect(set.budget).toMatchObject({ budgetFen: 3000, spentFen: 0 });
    okData(await issue(use(), adv, m.memberId, ten));
    const list = okData(await callAction(use(), 'manager.advisors', {}, { openid: MANAGER, now: NOW }));
    expect(list.advisors.find((a) => a.openid === adv)).toMatchObject({
      name: '小绿',
      shopId: JINGAN,
      customers: 3,
      budget: { budgetFen: 3000, spentFen: 1000 },
    });
    expect(errorOf(await asManager(use(), 'manager.setAdvisorBudget', { openid: 'no-such-staff', budgetFen: 1 }))).toBe(
      'ADVISOR_UNAVAILABLE',
    );
  });
});

describeEachDatabase('advisor workspace: reassignment and revocation', (use) => {
  it('reassigns within the shop (audited), to the pool, refuses a revoked or other-shop advisor', async () => {
    const a = await makeAdvisor(use());
    const b = await makeAdvisor(use());
    const far = await makeAdvisor(use(), { shopId: XUHUI });
    const m = await makeCustomer(use(), a);
    const moved = okData(await asManager(use(), 'manager.reassignAdvisor', { memberId: m.memberId, advisorOpenid: b }));
    expect(moved).toEqual({ memberId: m.memberId, shopId: JINGAN, advisorOpenid: b, previousAdvisorOpenid: a });
    expect(await bindingOf(use(), m.memberId)).toMatchObject({ advisor_openid: b, updated_by: MANAGER });
    const audit = await use()
      .kysely.selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'manager.reassignAdvisor')
      .where('member_id', '=', m.memberId)
      .execute();
    expect(audit).toHaveLength(1);

    expect(
      errorOf(await asManager(use(), 'manager.reassignAdvisor', { memberId: m.memberId, advisorOpenid: far })),
    ).toBe('ADVISOR_OTHER_SHOP');
    okData(await asManager(use(), 'manager.revokeStaff', { openid: a }));
    expect(errorOf(await asManager(use(), 'manager.reassignAdvisor', { memberId: m.memberId, advisorOpenid: a }))).toBe(
      'ADVISOR_UNAVAILABLE',
    );
    okData(await asManager(use(), 'manager.reassignAdvisor', { memberId: m.memberId, advisorOpenid: null }));
    expect((await bindingOf(use(), m.memberId)).advisor_openid).toBeNull();
    const pool = okData(
      await callAction(
        use(),
        'manager.shopCustomers',
        { shopId: JINGAN, advisorOpenid: null },
        { openid: MANAGER, now: NOW },
      ),
    );
    expect(pool.items.map((c) => c.memberId)).toContain(m.memberId);
  });

  it('revoking an advisor hands every member back to the shop pool in the same call, each audited', async () => {
    const adv = await makeAdvisor(use());
    const members = [await makeCustomer(use(), adv), await makeCustomer(use(), adv), await makeCustomer(use(), adv)];
    const revoked = okData(await asManager(use(), 'manager.revokeStaff', { openid: adv }));
    expect(revoked).toMatchObject({ revoked: true, handedBack: 3 });
    for (const m of members)
      expect(await bindingOf(use(), m.memberId)).toMatchObject({ advisor_openid: null, shop_id: JINGAN });
    const handBacks = await use()
      .kysely.selectFrom('audit_log')
      .select('member_id')
      .where('action', '=', 'advisor.handBack')
      .where('detail', '@>', JSON.stringify({ fromAdvisorOpenid: adv }))
      .execute();
    expect(handBacks.map((r) => r.member_id).sort()).toEqual(members.map((m) => m.memberId).sort());
  });
});
