import { randomUUID } from 'node:crypto';
import { beforeAll, expect, it } from 'vitest';
import type { ActionInput, ActionName } from '../../../cloudfunctions/core/contract';
import { callAction } from '../../support/call';
import { describeEachDatabase } from '../../support/databases';
import { changes, snapshotter } from '../../support/bad-input/db-snapshot';
import { makeMember } from '../points/points-factory';

/** What the bad-input suite caught, one test each, named after it. */
describeEachDatabase('bad-input regressions', (use) => {
  let snapshot: Awaited<ReturnType<typeof snapshotter>>;
  let customer: string;

  beforeAll(async () => {
    customer = (await makeMember(use())).openid;
    await callAction(use(), 'member.me', {}, { openid: 'demo-manager' });
    snapshot = await snapshotter(use());
  });

  /** Calls as `openid` and expects VALIDATION_FAILED (not a thrown database error) and no write at all. */
  async function expectRefusedCleanly<N extends ActionName>(name: N, data: ActionInput<N>, openid: string) {
    const before = await snapshot({ content: true });
    const answer = await callAction(use(), name, data, { openid, idempotencyKey: `reg-${randomUUID()}` });
    expect(answer.ok ? 'ok' : answer.error.code).toBe('VALIDATION_FAILED');
    expect(changes(before, await snapshot({ content: true }))).toEqual([]);
  }

  it('manager.updateSku with stock.from above 2^31 on a real sku is VALIDATION_FAILED and writes nothing', async () => {
    const sku = await use().kysely.selectFrom('skus').select('id').orderBy('id').executeTakeFirstOrThrow();
    await expectRefusedCleanly('manager.updateSku', { skuId: sku.id, stock: { from: 2 ** 31, to: 5 } }, 'demo-manager');
  });

  it('manager.createCampaign with startsAt in year 0 is VALIDATION_FAILED and writes nothing', async () => {
    const input = {
      skuId: 'sku-amino-acid-cleanser-1',
      title: '零年',
      groupPriceFen: 100,
      teamSize: 2,
      stockCap: 10,
      startsAt: '0000-01-01T00:00:00Z',
      endsAt: '2030-01-01T00:00:00Z',
    };
    await expectRefusedCleanly('manager.createCampaign', input, 'demo-manager');
  });

  it('order.get with a NUL byte in orderId is VALIDATION_FAILED, not a database error', async () => {
    await expectRefusedCleanly('order.get', { orderId: 'a\u0000b' }, customer);
  });

  it('member.updateProfile with a NUL byte in the nickname is VALIDATION_FAILED and writes nothing', async () => {
    await expectRefusedCleanly('member.updateProfile', { nickname: 'x\u0000' }, customer);
  });

  it('member.grantLongTermSubscriptions with an unpaired surrogate is VALIDATION_FAILED and writes nothing', async () => {
    await expectRefusedCleanly('member.grantLongTermSubscriptions', { accepted: ['tpl-\uD800'] }, customer);
  });
});
