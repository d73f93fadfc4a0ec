import { expect, it } from 'vitest';
import { describeEachDatabase } from '../../support/databases';
import { callAction, okData } from '../../support/call';
import { T0, minutesAfter } from '../order/order-factory';
import { makeMember } from '../points/points-factory';
import { bind } from './referral-factory';

describeEachDatabase('referral.myInvites paging', (use) => {
  it('pages 25 friends (20 bound in the same instant) 20 at a time, each once, newest first; a bad cursor starts over', async () => {
    const a = await makeMember(use());
    for (let i = 0; i < 25; i += 1) await bind(use(), a, await makeMember(use()), i < 20 ? T0 : minutesAfter(T0, i));
    const now = minutesAfter(T0, 60);
    const first = okData(await callAction(use(), 'referral.myInvites', {}, { openid: a.openid, now }));
    expect(first.items).toHaveLength(20);
    expect(first.nextCursor).not.toBeNull();
    const second = okData(
      await callAction(use(), 'referral.myInvites', { cursor: first.nextCursor! }, { openid: a.openid, now }),
    );
    expect(second.items).toHaveLength(5);
    expect(second.nextCursor).toBeNull();
    const all = [...first.items, ...second.items];
    expect(new Set(all.map((i) => i.referralId)).size).toBe(25);
    const times = all.map((i) => i.boundAt);
    expect(times).toEqual([...times].sort().reverse());
    const restarted = okData(
      await callAction(use(), 'referral.myInvites', { cursor: 'not-a-cursor' }, { openid: a.openid, now }),
    );
    expect(restarted.items.map((i) => i.referralId)).toEqual(first.items.map((i) => i.referralId));
  });
});
