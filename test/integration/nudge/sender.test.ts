import { beforeEach, expect, it } from 'vitest';
import { callAction, okData } from '../../support/call';
import { describeEachDatabase, describeOnPostgres } from '../../support/databases';
import { localPlatform, makePaidOrder, MANAGER, newOpenid, outboxOf } from '../order/order-factory';
import { at, deliver, grant, MASK, nudgesOf, quotaOf, runNudges, setNudgeSettings } from './nudge-factory';

/** A member who bought the 30-day mask on `day` and granted `quota` sends. */
async function dueMember(db: Parameters<typeof grant>[0], day: string, quota = 1) {
  const openid = newOpenid();
  await makePaidOrder(db, { items: [{ skuId: MASK, qty: 1 }], openid, now: at(`${day}T10:00:00`) });
  await grant(db, openid, at(`${day}T10:00:00`), quota);
  return openid;
}

describeEachDatabase('nudge sender', (use) => {
  beforeEach(() => setNudgeSettings(use(), { trigger_args: { coupon_expiring: { enabled: false } } }));

  it('quiet hours: a run at 22:00 selects nothing; a send that falls in them waits until 09:00', async () => {
    const openid = await dueMember(use(), '2026-03-02');
    expect(await runNudges(use(), at('2026-04-01T22:00:00'))).toMatchObject({ quiet: 1, queued: 0 });
    expect(await nudgesOf(use(), openid)).toHaveLength(0);
    await runNudges(use(), at('2026-04-01T20:30:00'));
    const platform = localPlatform(use(), { now: at('2026-04-01T21:30:00') });
    await deliver(use(), at('2026-04-01T21:30:00'), platform);
    expect(platform.messages.sent).toHaveLength(0);
    expect((await nudgesOf(use(), openid))[0]).toMatchObject({ status: 'queued' });
    await deliver(use(), at('2026-04-02T08:59:00'), platform);
    expect(platform.messages.sent).toHaveLength(0);
    await deliver(use(), at('2026-04-02T09:00:00'), platform);
    expect(platform.messages.sent.map((m) => m.openid)).toEqual([openid]);
    expect((await nudgesOf(use(), openid))[0]).toMatchObject({ status: 'sent' });
  });

  it('43101 is recorded as refused, not retried, and the quota WeChat does not hold is cleared', async () => {
    const openid = await dueMember(use(), '2026-05-02', 2);
    await runNudges(use(), at('2026-06-01T11:00:00'));
    const platform = localPlatform(use(), { now: at('2026-06-01T11:00:00') });
    platform.messageMode = 'refuse';
    await deliver(use(), at('2026-06-01T11:00:00'), platform);
    const [nudge] = await nudgesOf(use(), openid);
    expect(nudge).toMatchObject({ status: 'refused', errcode: 43101, attempts: 1 });
    const message = (await outboxOf(use(), 'nudge.send', `nudge.send:${nudge!.id}`))[0];
    expect(message).toMatchObject({ status: 'done', attempts: 1 });
    expect(await quotaOf(use(), openid)).toBe(0);
  });

  it('an outage that never ends is recorded as failed after 6 attempts and leaves the outbox', async () => {
    const openid = await dueMember(use(), '2026-09-02');
    await runNudges(use(), at('2026-10-02T11:00:00'));
    const platform = localPlatform(use(), { now: at('2026-10-02T11:00:00') });
    platform.messageMode = 'fail';
    for (let hour = 11; hour <= 16; hour++) await deliver(use(), at(`2026-10-02T${hour}:00:00`), platform);
    const [nudge] = await nudgesOf(use(), openid);
    expect(nudge).toMatchObject({ status: 'failed', attempts: 6 });
    expect((await outboxOf(use(), 'nudge.send', `nudge.send:${nudge!.id}`))[0]).toMatchObject({ status: 'done' });
    expect(platform.messages.sent).toHaveLength(0);
  });

  it('a long-term subscription (no one-time quota) lets the member be nudged and is never spent', async () => {
    const openid = newOpenid();
    await makePaidOrder(use(), { items: [{ skuId: MASK, qty: 1 }], openid, now: at('2026-11-02T10:00:00') });
    okData(
      await callAction(
        use(),
        'member.grantLongTermSubscriptions',
        { accepted: ['local-nudge-reminder'] },
        { openid, now: at('2026-11-02T10:00:00'), idempotencyKey: `k-${openid}` },
      ),
    );
    await runNudges(use(), at('2026-12-02T11:00:00'));
    expect((await nudgesOf(use(), openid)).map((n) => n.trigger)).toEqual(['repurchase_due']);
    expect(await quotaOf(use(), openid)).toBe(0);
    const quota = await use()
      .kysely.selectFrom('subscribe_quotas')
      .select(['long_term', 'remaining'])
      .where('template_id', '=', 'local-nudge-reminder')
      .where('member_id', '=', (await nudgesOf(use(), openid))[0]!.member_id)
      .executeTakeFirstOrThrow();
    expect(quota).toEqual({ long_term: true, remaining: 0 });
  });

  it('a 43101 refusal also ends a long-term grant the client reported: WeChat holds no subscription', async () => {
    const openid = newOpenid();
    await makePaidOrder(use(), { items: [{ skuId: MASK, qty: 1 }], openid, now: at('2026-11-02T10:00:00') });
    okData(
      await callAction(
        use(),
        'member.grantLongTermSubscriptions',
        { accepted: ['local-nudge-reminder'] },
        { openid, now: at('2026-11-02T10:00:00'), idempotencyKey: `k-${openid}` },
      ),
    );
    await runNudges(use(), at('2026-12-02T11:00:00'));
    const platform = localPlatform(use(), { now: at('2026-12-02T11:00:00') });
    platform.messageMode = 'refuse';
    await deliver(use(), at('2026-12-02T11:00:00'), platform);
    const [nudge] = await nudgesOf(use(), openid);
    expect(nudge).toMatchObject({ status: 'refused', errcode: 43101 });
    const quota = await use()
      .kysely.selectFrom('subscribe_quotas')
      .select(['long_term', 'remaining'])
      .where('template_id', '=', 'local-nudge-reminder')
      .where('member_id', '=', nudge!.member_id)
      .executeTakeFirstOrThrow();
    expect(quota).toEqual({ long_term: false, remaining: 0 });
  });

  it('an outage is retried with backoff and then sent; 消息记录 shows it and its conversion', async () => {
    const openid = await dueMember(use(), '2026-07-02');
    await runNudges(use(), at('2026-08-01T11:00:00'));
    const platform = localPlatform(use(), { now: at('2026-08-01T11:00:00') });
    platform.messageMode = 'fail';
    await deliver(use(), at('2026-08-01T11:00:00'), platform);
    const [nudge] = await nudgesOf(use(), openid);
    expect(nudge).toMatchObject({ status: 'queued', attempts: 1, errcode: -1 });
    expect((await outboxOf(use(), 'nudge.send', `nudge.send:${nudge!.id}`))[0]).toMatchObject({ status: 'pending' });
    platform.messageMode = 'deliver';
    await deliver(use(), at('2026-08-01T11:02:00'), platform);
    expect(platform.messages.sent.map((m) => m.openid)).toEqual([openid]);

    await makePaidOrder(use(), { items: [{ skuId: MASK, qty: 1 }], openid, now: at('2026-08-03T15:00:00') });
    const log = okData(
      await callAction(use(), 'manager.messages', {}, { openid: MANAGER, now: at('2026-08-04T10:00:00') }),
    );
    const row = log.items.find((i) => i.nudgeId === String(nudge!.id));
    expect(row).toMatchObject({ status: 'sent', triggerTitle: '复购提醒', title: '玻尿酸补水面膜', converted: true });

    const board = okData(
      await callAction(use(), 'manager.dashboard', {}, { openid: MANAGER, now: at('2026-08-04T10:00:00') }),
    );
    expect(board.charts.map((c) => c.code)).toEqual([
      'rfm_segments',
      'repurchase_rate',
      'referral_funnel',
      'nudge_conversion',
      'groupbuy_success',
      'member_tags',
      // attribution charts
      'shop_new_members',
      'shop_repurchase',
      'shop_revenue',
      'advisor_new_members',
      'advisor_repurchase',
      'advisor_revenue',
    ]);
    const conversion = board.charts
      .find((c) => c.code === 'nudge_conversion')!
      .rows.find((r) => r.label === '复购提醒')!;
    expect(conversion.value).toBeGreaterThanOrEqual(1);
    expect(conversion.secondary).toBeGreaterThanOrEqual(1);
    const segments = board.charts.find((c) => c.code === 'rfm_segments')!.rows.reduce((s, r) => s + r.value, 0);
    expect(segments).toBeGreaterThanOrEqual(3);
    expect(await callAction(use(), 'manager.dashboard', {}, { openid, now: at('2026-08-04T10:00:00') })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
  });
});

describeOnPostgres('nudges under concurrency', (use) => {
  it('two timer runs at once write each nudge once and spend each quota once; two workers send each once', async () => {
    await setNudgeSettings(use(), { trigger_args: { coupon_expiring: { enabled: false } } });
    const members = [];
    for (let i = 0; i < 12; i++) members.push(await dueMember(use(), '2026-03-02', 2));
    const now = at('2026-04-01T11:00:00');
    const [a, b] = await Promise.all([runNudges(use(), now), runNudges(use(), now)]);
    expect(a.queued + b.queued).toBe(12);
    for (const openid of members) {
      expect(await nudgesOf(use(), openid)).toHaveLength(1);
      expect(await quotaOf(use(), openid)).toBe(1);
    }
    const platform = localPlatform(use(), { now });
    await Promise.all([deliver(use(), now, platform), deliver(use(), now, platform)]);
    expect(platform.messages.sent.map((m) => m.openid).sort()).toEqual([...members].sort());
  });
});
