import { expect, it } from 'vitest';
import { describeEachDatabase, tableCounts } from '../../support/databases';
import { callAction, okData } from '../../support/call';
import { ADDRESS_BOOK_LIMIT } from '../../../cloudfunctions/core/member';
import { errorCode, newKey, orderRow, setStock, T0 } from '../order/order-factory';
import { addressInput, addressRows, makeCustomer, saveAddress } from './address-book-factory';

const at = { now: T0 };

describeEachDatabase('member address book', (use) => {
  it('makes the first address the default and moves the default on request', async () => {
    const openid = await makeCustomer(use());
    const first = okData(await saveAddress(use(), openid, addressInput()));
    expect(first.address).toMatchObject({ ...addressInput(), isDefault: true });
    expect(first.limit).toBe(ADDRESS_BOOK_LIMIT);

    const second = okData(await saveAddress(use(), openid, addressInput({ name: '王五', detail: '二号楼' })));
    expect(second.address.isDefault).toBe(false);
    expect(second.items.map((a) => a.isDefault)).toEqual([true, false]);

    const third = okData(await saveAddress(use(), openid, addressInput({ name: '赵六', isDefault: true })));
    expect(third.items[0]).toMatchObject({ addressId: third.address.addressId, isDefault: true });
    expect(third.items.filter((a) => a.isDefault)).toHaveLength(1);

    const back = okData(
      await callAction(
        use(),
        'member.address.setDefault',
        { addressId: first.address.addressId },
        { openid, ...at, idempotencyKey: newKey() },
      ),
    );
    expect(back.items[0]!.addressId).toBe(first.address.addressId);
    expect((await addressRows(use(), openid)).filter((r) => r.is_default)).toHaveLength(1);
  });

  it('edits in place and keeps the default', async () => {
    const openid = await makeCustomer(use());
    const saved = okData(await saveAddress(use(), openid, addressInput())).address;
    const edited = okData(
      await saveAddress(use(), openid, addressInput({ addressId: saved.addressId, detail: '  新门牌 9 号 ' })),
    );
    expect(edited.items).toHaveLength(1);
    expect(edited.address).toMatchObject({ addressId: saved.addressId, detail: '新门牌 9 号', isDefault: true });
  });

  it('refuses a bad phone, name or region with the field and its message, and writes nothing', async () => {
    const openid = await makeCustomer(use());
    okData(await saveAddress(use(), openid, addressInput()));
    const before = await tableCounts(use());
    const cases: Array<[Parameters<typeof addressInput>[0], string, string, string]> = [
      [{ phone: '12345678901' }, 'VALIDATION_FAILED', 'phone', '请填写正确的 11 位手机号'],
      [{ phone: '1391234567' }, 'VALIDATION_FAILED', 'phone', '请填写正确的 11 位手机号'],
      [{ name: '   ' }, 'VALIDATION_FAILED', 'name', '请填写收货人'],
      [{ name: '名'.repeat(21) }, 'VALIDATION_FAILED', 'name', '收货人最多 20 个字'],
      [{ detail: '' }, 'VALIDATION_FAILED', 'detail', '请填写详细地址'],
      [{ province: '火星省' }, 'ADDRESS_REGION_INVALID', 'province', '所在省份不在可配送范围内，请重新选择'],
      [{ city: '南京市' }, 'ADDRESS_REGION_INVALID', 'city', '所在城市与省份不符，请重新选择'],
      [{ district: '朝阳区' }, 'ADDRESS_REGION_INVALID', 'district', '所在区县与城市不符，请重新选择'],
      [{ province: '香港特别行政区', city: '香港岛', district: '中西区' }, 'ADDRESS_REGION_INVALID', 'province', ''],
    ];
    for (const [overrides, code, path, message] of cases) {
      const answer = await saveAddress(use(), openid, addressInput(overrides));
      expect(errorCode(answer), JSON.stringify(overrides)).toBe(code);
      const issues = (answer as { error: { details: { issues: Array<{ path: unknown; message: string }> } } }).error
        .details.issues;
      const issue = issues.find((i) => String(i.path) === path);
      expect(issue, JSON.stringify(issues)).toBeDefined();
      if (message) expect(issue!.message).toBe(message);
    }
    expect(await tableCounts(use())).toEqual(before);
  });

  it(`keeps at most ${ADDRESS_BOOK_LIMIT} addresses and says so`, async () => {
    const openid = await makeCustomer(use());
    for (let i = 0; i < ADDRESS_BOOK_LIMIT; i++)
      okData(await saveAddress(use(), openid, addressInput({ detail: `第 ${i} 号` })));
    const before = await tableCounts(use());
    const refused = await saveAddress(use(), openid, addressInput({ detail: '第 21 号' }));
    expect(errorCode(refused)).toBe('ADDRESS_LIMIT_REACHED');
    expect(refused.ok ? '' : refused.error.message).toContain('20');
    expect(await tableCounts(use())).toEqual(before);
    // A full book still edits.
    const some = (await addressRows(use(), openid))[3]!;
    okData(await saveAddress(use(), openid, addressInput({ addressId: some.id, detail: '改过的' })));
  });

  it("shows and changes only the caller's own addresses", async () => {
    const owner = await makeCustomer(use());
    const other = await makeCustomer(use());
    const mine = okData(await saveAddress(use(), owner, addressInput({ detail: '只属于我' }))).address;
    expect(okData(await callAction(use(), 'member.address.list', {}, { openid: other, ...at })).items).toEqual([]);

    const before = await addressRows(use(), owner);
    const opts = { openid: other, ...at };
    const target = { addressId: mine.addressId };
    const attempts = [
      await saveAddress(use(), other, addressInput({ addressId: mine.addressId, detail: '抢过来' })),
      await callAction(use(), 'member.address.setDefault', target, { ...opts, idempotencyKey: newKey() }),
      await callAction(use(), 'member.address.delete', target, { ...opts, idempotencyKey: newKey() }),
    ];
    for (const a of attempts) {
      expect(errorCode(a)).toBe('ADDRESS_NOT_FOUND');
      expect(JSON.stringify(a)).not.toContain('只属于我');
    }
    expect(await addressRows(use(), owner)).toEqual(before);
    expect(await addressRows(use(), other)).toEqual([]);
  });

  it('deleting the default hands it to the most recently changed address left', async () => {
    const openid = await makeCustomer(use());
    const a = okData(await saveAddress(use(), openid, addressInput({ detail: 'A' }))).address;
    okData(await saveAddress(use(), openid, addressInput({ detail: 'B' })));
    const c = okData(
      await callAction(use(), 'member.address.save', addressInput({ detail: 'C' }), {
        openid,
        now: new Date(T0.getTime() + 60_000),
        idempotencyKey: newKey(),
      }),
    ).address;
    const after = okData(
      await callAction(
        use(),
        'member.address.delete',
        { addressId: a.addressId },
        { openid, ...at, idempotencyKey: newKey() },
      ),
    );
    expect(after.items.map((x) => [x.detail, x.isDefault])).toEqual([
      ['C', true],
      ['B', false],
    ]);
    expect(after.items[0]!.addressId).toBe(c.addressId);
    const again = await callAction(
      use(),
      'member.address.delete',
      { addressId: a.addressId },
      { openid, ...at, idempotencyKey: newKey() },
    );
    expect(errorCode(again)).toBe('ADDRESS_NOT_FOUND');
  });

  it('replays a retried save instead of adding the address twice', async () => {
    const openid = await makeCustomer(use());
    const key = newKey();
    const first = okData(await saveAddress(use(), openid, addressInput(), key));
    const retry = okData(await saveAddress(use(), openid, addressInput(), key));
    expect(retry.address.addressId).toBe(first.address.addressId);
    expect(await addressRows(use(), openid)).toHaveLength(1);
    expect(errorCode(await saveAddress(use(), openid, addressInput({ detail: '别的' }), key))).toBe(
      'IDEMPOTENCY_CONFLICT',
    );
  });

  it('answers the region list to anyone, the same list saving checks', async () => {
    const regions = okData(await callAction(use(), 'member.address.regions', {}, { openid: null, ...at }));
    expect(regions.provinces).toHaveLength(31);
    const zj = regions.provinces.find((p) => p.name === '浙江省')!;
    expect(zj.cities.find((c) => c.name === '杭州市')!.districts).toContain('西湖区');
  });

  it('orders to an address of the book by id and keeps a copy of it', async () => {
    const sku = 'sku-amino-acid-cleanser-1';
    await setStock(use(), sku, 50);
    const openid = await makeCustomer(use());
    const saved = okData(await saveAddress(use(), openid, addressInput())).address;
    const items = [{ skuId: sku, qty: 1 }];
    const order = okData(
      await callAction(
        use(),
        'order.create',
        { items, delivery: { type: 'express', addressId: saved.addressId } },
        { openid, ...at, idempotencyKey: newKey() },
      ),
    );
    okData(await saveAddress(use(), openid, addressInput({ addressId: saved.addressId, detail: '搬家了' })));
    const view = okData(await callAction(use(), 'order.get', { orderId: order.orderId }, { openid, ...at }));
    expect(view.delivery).toEqual({ type: 'express', address: { ...addressInput() } });
    expect((await orderRow(use(), order.orderId)).delivery_type).toBe('express');

    // Another member's address id is not theirs to ship to; address and addressId together are refused.
    const stranger = await makeCustomer(use());
    const before = await tableCounts(use());
    const stolen = await callAction(
      use(),
      'order.create',
      { items, delivery: { type: 'express', addressId: saved.addressId } },
      { openid: stranger, ...at, idempotencyKey: newKey() },
    );
    expect(errorCode(stolen)).toBe('ADDRESS_NOT_FOUND');
    const both = await callAction(
      use(),
      'order.create',
      { items, delivery: { type: 'express', addressId: saved.addressId, address: addressInput() } },
      { openid, ...at, idempotencyKey: newKey() },
    );
    expect(errorCode(both)).toBe('VALIDATION_FAILED');
    expect(await tableCounts(use())).toEqual(before);
  });
});
