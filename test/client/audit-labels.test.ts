import { describe, expect, it } from 'vitest';
import { contract, type ActionSpec } from '../../cloudfunctions/core/contract';
import { ACTION_TEXT } from '../../src/packages/manager/components/audit-labels';

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
