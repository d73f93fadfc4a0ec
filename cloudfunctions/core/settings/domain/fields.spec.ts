import { describe, expect, it } from 'vitest';
import { checkFields, sectionDiff, type SettingField } from './fields';

const fields: SettingField[] = [
  { key: 'gold.name', group: '第 3 级', label: '名称', kind: 'text', minLength: 1, maxLength: 8 },
  { key: 'gold.birthdayCoupon', group: '第 3 级', label: '生日礼券', kind: 'switch' },
  {
    key: 'rewardKind',
    label: '奖励方式',
    kind: 'select',
    options: [
      { value: 'points', label: '积分' },
      { value: 'coupon', label: '优惠券' },
    ],
  },
  { key: 'templateId', label: '奖励券', kind: 'select' },
];
const loaded = { templateId: [{ value: 'ct-a', label: '满199减30' }] };
const good = { 'gold.name': ' 金卡 ', 'gold.birthdayCoupon': true, rewardKind: 'coupon', templateId: 'ct-a' };

describe('settings field kinds', () => {
  it('accepts a switch, a declared choice and a loaded one; trims a name', () => {
    expect(checkFields(fields, good, loaded)).toEqual({ ok: true, values: { ...good, 'gold.name': '金卡' } });
  });

  it.each([
    [{ 'gold.name': '' }, 'gold.name', '第 3 级 名称须为 1～8 个字'],
    [{ 'gold.birthdayCoupon': 1 }, 'gold.birthdayCoupon', '第 3 级 生日礼券须为开或关'],
    [{ rewardKind: 'cash' }, 'rewardKind', '奖励方式：所选项不存在或已停用，请重新选择'],
    [{ templateId: 'ct-stopped' }, 'templateId', '奖励券：所选项不存在或已停用，请重新选择'],
    [{ extra: 1 }, 'extra', '设置项不存在或缺失'],
  ])('refuses %j naming %s', (change, field, message) => {
    expect(checkFields(fields, { ...good, ...change }, loaded)).toMatchObject({ ok: false, field, message });
  });

  it('a select with no options loaded accepts nothing', () => {
    expect(checkFields(fields, good)).toMatchObject({ ok: false, field: 'templateId' });
  });

  it('the audit diff says choices by their labels and a field with its group', () => {
    const before = { ...good, rewardKind: 'points', 'gold.birthdayCoupon': false };
    expect(sectionDiff(fields, before, good, loaded)).toEqual([
      { field: 'gold.birthdayCoupon', label: '第 3 级 生日礼券', before: false, after: true },
      { field: 'rewardKind', label: '奖励方式', before: '积分', after: '优惠券' },
    ]);
  });
});
