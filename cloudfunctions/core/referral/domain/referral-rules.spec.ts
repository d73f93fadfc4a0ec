import { describe, expect, it } from 'vitest';
import { decideAttribution, type AttributionFacts } from './attribution';
import { capReached, capWindows } from './reward-caps';
import { displayStatus } from './referral-status';

const facts = (over: Partial<AttributionFacts> = {}): AttributionFacts => ({
  inviterId: 'A',
  friendId: 'B',
  liveInviterId: null,
  friendHasPaid: false,
  inviterPhone: null,
  friendPhone: null,
  closesCycle: false,
  ...over,
});

describe('attribution decision', () => {
  it('binds a new friend', () => expect(decideAttribution(facts())).toEqual({ bind: true }));
  it.each([
    [{ friendId: 'A' }, 'self_invite'],
    [{ liveInviterId: 'A' }, 'already_bound_to_inviter'],
    [{ liveInviterId: 'C' }, 'already_bound'],
    [{ friendHasPaid: true }, 'paid_before'],
    [{ inviterPhone: '86-13800138000', friendPhone: '86-13800138000' }, 'same_phone'],
    [{ closesCycle: true }, 'cycle'],
  ] as const)('refuses %j as %s', (over, reason) => {
    expect(decideAttribution(facts(over))).toEqual({ bind: false, reason });
  });
  it('two members without phones are not "the same phone"', () => {
    expect(decideAttribution(facts({ inviterPhone: null, friendPhone: null }))).toEqual({ bind: true });
  });
});

describe('reward caps', () => {
  it('windows are Shanghai calendar days and months', () => {
    // 2026-03-31 23:30 Shanghai = 15:30Z
    const w = capWindows(new Date('2026-03-31T15:30:00Z'));
    expect(w.day.map((d) => d.toISOString())).toEqual(['2026-03-30T16:00:00.000Z', '2026-03-31T16:00:00.000Z']);
    expect(w.month.map((d) => d.toISOString())).toEqual(['2026-02-28T16:00:00.000Z', '2026-03-31T16:00:00.000Z']);
  });
  it('daily first, then monthly', () => {
    expect(capReached({ today: 4, thisMonth: 29 }, { dailyCap: 5, monthlyCap: 30 })).toBeNull();
    expect(capReached({ today: 5, thisMonth: 5 }, { dailyCap: 5, monthlyCap: 30 })).toBe('daily_cap');
    expect(capReached({ today: 0, thisMonth: 30 }, { dailyCap: 5, monthlyCap: 30 })).toBe('monthly_cap');
  });
});

describe('display status (我的邀请)', () => {
  const bound = new Date('2026-03-01T00:00:00Z');
  const expiresAt = new Date('2026-03-31T00:00:00Z');
  it('已绑定 inside the window, 已下单 once paid in it, 已失效 after it without an order', () => {
    expect(displayStatus({ status: 'bound', expiresAt, firstPaidAt: null }, bound).text).toBe('已绑定');
    expect(
      displayStatus(
        { status: 'bound', expiresAt, firstPaidAt: new Date('2026-03-10T00:00:00Z') },
        new Date('2026-04-20T00:00:00Z'),
      ).text,
    ).toBe('已下单');
    expect(displayStatus({ status: 'bound', expiresAt, firstPaidAt: null }, expiresAt)).toMatchObject({
      text: '已失效',
      note: '绑定期内未下单',
    });
    expect(
      displayStatus(
        { status: 'bound', expiresAt, firstPaidAt: new Date('2026-04-01T00:00:00Z') },
        new Date('2026-04-02T00:00:00Z'),
      ).text,
    ).toBe('已失效');
  });
  it('已奖励, and every ended binding is 已失效 with its reason', () => {
    expect(displayStatus({ status: 'rewarded', expiresAt, firstPaidAt: bound }, bound).text).toBe('已奖励');
    expect(displayStatus({ status: 'capped', expiresAt, firstPaidAt: bound }, bound)).toMatchObject({
      text: '已失效',
      note: '奖励已达上限',
    });
    expect(displayStatus({ status: 'reversed', expiresAt, firstPaidAt: bound }, bound).note).toContain('退款');
  });
});
