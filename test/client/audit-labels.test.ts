import { describe, expect, it } from 'vitest';
import { contract, type ActionSpec } from '../../cloudfunctions/core/contract';
import { ACTION_TEXT } from '../../src/packages/manager/components/audit-labels';
import { settingsChanges } from '../../src/packages/manager/components/settings/audit-changes';

describe('操作日志 names every write it can list', () => {
  it('every staff and manager write (each is audited) has Chinese words, not its action name', () => {
    const audited = Object.entries(contract)
      .filter(([, spec]) => {
        const s = spec as ActionSpec;
        return s.mutating && (s.role === 'staff' || s.role === 'manager');
      })
      .map(([name]) => name);
    expect(audited.length).toBeGreaterThan(30);
    expect(audited.filter((name) => !ACTION_TEXT[name])).toEqual([]);
  });
});

describe('操作日志 says a settings change in words', () => {
  it('a switch reads 开/关, a choice its label, a tier field its level', () => {
    const detail = {
      result: {
        changed: [
          { field: 'silver.birthdayCoupon', label: '第 2 级 生日礼券', before: true, after: false },
          { field: 'silver.name', label: '第 2 级 名称', before: '银卡会员', after: '白银会员' },
          { field: 'rewardKind', label: '邀请人奖励方式', before: '积分', after: '优惠券' },
          { field: 'friendTemplateId', label: '好友新人券', before: '', after: '新人 15 元券' },
        ],
      },
    };
    expect(settingsChanges(detail)).toBe(
      '第 2 级 生日礼券 开 → 关；第 2 级 名称 银卡会员 → 白银会员；邀请人奖励方式 积分 → 优惠券；好友新人券 空 → 新人 15 元券',
    );
  });
});
