import { expect, it } from 'vitest';
import { describeOnPostgres } from '../../support/databases';
import { callAction, okData } from '../../support/call';
import { ADDRESS_BOOK_LIMIT } from '../../../cloudfunctions/core/member';
import { errorCode, newKey, T0 } from '../order/order-factory';
import { addressInput, addressRows, makeCustomer, saveAddress } from './address-book-factory';

describeOnPostgres('member address book under concurrency', (use) => {
  it('concurrent setDefault calls on different addresses leave exactly one default', async () => {
    const openid = await makeCustomer(use());
    const ids: string[] = [];
    for (let i = 0; i < 8; i++)
      ids.push(okData(await saveAddress(use(), openid, addressInput({ detail: `${i} 号` }))).address.addressId);
    for (let round = 0; round < 5; round++) {
      const answers = await Promise.all(
        ids.map((addressId) =>
          callAction(use(), 'member.address.setDefault', { addressId }, { openid, now: T0, idempotencyKey: newKey() }),
        ),
      );
      answers.forEach((a) => okData(a));
      expect((await addressRows(use(), openid)).filter((r) => r.is_default)).toHaveLength(1);
    }
  });

  it('concurrent saves as default leave exactly one default and every address saved', async () => {
    const openid = await makeCustomer(use());
    const answers = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        saveAddress(use(), openid, addressInput({ detail: `并发 ${i} 号`, isDefault: true })),
      ),
    );
    answers.forEach((a) => okData(a));
    const rows = await addressRows(use(), openid);
    expect(rows).toHaveLength(10);
    expect(rows.filter((r) => r.is_default)).toHaveLength(1);
  });

  it(`concurrent saves never take a book past ${ADDRESS_BOOK_LIMIT}`, async () => {
    const openid = await makeCustomer(use());
    for (let i = 0; i < ADDRESS_BOOK_LIMIT - 3; i++)
      okData(await saveAddress(use(), openid, addressInput({ detail: `${i} 号` })));
    const answers = await Promise.all(
      Array.from({ length: 10 }, (_, i) => saveAddress(use(), openid, addressInput({ detail: `抢 ${i} 号` }))),
    );
    expect(answers.filter((a) => a.ok)).toHaveLength(3);
    expect(answers.filter((a) => errorCode(a) === 'ADDRESS_LIMIT_REACHED')).toHaveLength(7);
    expect(await addressRows(use(), openid)).toHaveLength(ADDRESS_BOOK_LIMIT);
  });
});
