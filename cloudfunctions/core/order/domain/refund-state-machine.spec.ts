import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  canMoveRefund,
  COMMITTED_REFUND_STATUSES,
  OPEN_REFUND_STATUSES,
  REFUND_INITIAL_STATUSES,
  REFUND_STATUSES,
  REFUND_TRANSITIONS,
  type RefundStatus,
} from './refund-state-machine';

const migration = (file: string) => readFileSync(join(__dirname, '../../db/migrations', file), 'utf8');
/** Each `status in ('a', 'b')` list of an SQL text, as sorted arrays. */
const statusLists = (sql: string) =>
  [...sql.matchAll(/status (?:not )?in \(([^)]*)\)/g)].map((m) =>
    m[1]!
      .split(',')
      .map((s) => s.trim().replace(/'/g, ''))
      .sort(),
  );
const sorted = (xs: readonly string[]) => [...xs].sort();

describe('refund state machine', () => {
  it('names each transition once', () => {
    const names = REFUND_TRANSITIONS.map((t) => t.name);
    expect(new Set(names).size).toBe(names.length);
  });

  it('reaches every status from where refunds start, and nothing leaves rejected, succeeded or cancelled', () => {
    const seen = new Set<RefundStatus>(REFUND_INITIAL_STATUSES);
    for (let grew = true; grew;) {
      grew = false;
      for (const t of REFUND_TRANSITIONS) {
        if (t.from.some((f) => seen.has(f)) && !seen.has(t.to)) {
          seen.add(t.to);
          grew = true;
        }
      }
    }
    expect(sorted([...seen])).toEqual(sorted(REFUND_STATUSES));
    for (const end of ['rejected', 'succeeded', 'cancelled'] as const)
      expect(REFUND_TRANSITIONS.filter((t) => canMoveRefund(end, t.name))).toEqual([]);
  });

  it('canMoveRefund agrees with the table', () => {
    fc.assert(
      fc.property(fc.constantFrom(...REFUND_STATUSES), fc.constantFrom(...REFUND_TRANSITIONS), (s, t) => {
        expect(canMoveRefund(s, t.name)).toBe((t.from as readonly RefundStatus[]).includes(s));
      }),
    );
  });

  it('migration 0017 commits and opens refunds in the statuses the code uses', () => {
    const sql = migration('0017_refunds_within_payment.sql');
    const trigger = sql.slice(
      sql.indexOf('create function refunds_within_payment'),
      sql.indexOf('create trigger refunds_within_payment'),
    );
    const lists = statusLists(trigger);
    expect(lists).toHaveLength(3);
    for (const list of lists) expect(list).toEqual(sorted(COMMITTED_REFUND_STATUSES));
    const openIndex = sql.slice(sql.indexOf('create unique index refunds_one_open'));
    expect(statusLists(openIndex)[0]).toEqual(sorted(OPEN_REFUND_STATUSES));
  });

  it('is the table docs/features/order-states.md shows', () => {
    const doc = readFileSync(join(__dirname, '../../../../docs/features/order-states.md'), 'utf8');
    const section = doc.slice(doc.indexOf('## Refund transitions')).split('\n## ')[0]!;
    const rows = section.split('\n').filter((l) => l.startsWith('| `'));
    expect(rows).toEqual(REFUND_TRANSITIONS.map((t) => `| \`${t.name}\` | ${t.from.join(', ')} | ${t.to} | ${t.by} |`));
  });

  it('declares the statuses the refunds table accepts (its check as migration 0029 last wrote it)', () => {
    const sql = migration('0029_refund_type_and_cancel.sql');
    const check = sql.slice(sql.indexOf('add constraint refunds_status_check'));
    expect(statusLists(check)[0]).toEqual(sorted(REFUND_STATUSES));
  });
});
