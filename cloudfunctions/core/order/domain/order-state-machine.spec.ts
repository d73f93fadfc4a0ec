import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Executor } from '../../db/db';
import { transitionOrder } from '../repo/order.repo';
import {
  canTransition,
  HOLDS_COUPON,
  HOLDS_STOCK,
  ORDER_STATUSES,
  ORDER_TRANSITIONS,
  PAID_STATUSES,
  PURCHASED_STATUSES,
  reachableFrom,
  resolveTransition,
  RESUMABLE,
  STORE_REFUNDABLE,
  type OrderStatus,
  type OrderTransitionName,
} from './order-state-machine';

const names = ORDER_TRANSITIONS.map((t) => t.name);
const status = fc.constantFrom(...ORDER_STATUSES);
const transitionName = fc.constantFrom(...names);
const outgoing = (s: OrderStatus) => ORDER_TRANSITIONS.filter((t) => canTransition(s, t.name)).map((t) => t.name);

describe('order state machine', () => {
  it('names each transition once', () => {
    expect(new Set(names).size).toBe(names.length);
  });

  it('reaches every status from pending_payment', () => {
    expect(reachableFrom('pending_payment')).toEqual([...ORDER_STATUSES]);
  });

  it('lets nothing leave cancelled or refunded, and a settled order only into a refund', () => {
    expect(outgoing('cancelled')).toEqual([]);
    expect(outgoing('refunded')).toEqual([]);
    expect(outgoing('settled')).toEqual(['storeRefund', 'retryRefund', 'refundReconciled']);
    for (const name of outgoing('settled')) {
      expect(['refunding', 'refunded']).toContain(ORDER_TRANSITIONS.find((t) => t.name === name)!.to);
    }
  });

  it('canTransition agrees with the table, and a move leaves only from its declared statuses', () => {
    fc.assert(
      fc.property(status, transitionName, fc.subarray([...ORDER_STATUSES]), (s, name, only) => {
        const declared = ORDER_TRANSITIONS.find((t) => t.name === name)!;
        expect(canTransition(s, name)).toBe((declared.from as readonly OrderStatus[]).includes(s));
        const to = declared.to === 'previous' ? { to: RESUMABLE[0]! } : {};
        const { from } = resolveTransition(name, { ...to, only });
        expect(from).toEqual(declared.from.filter((f) => only.includes(f)));
      }),
    );
  });

  it('returns an order after a refund only to a status a refund can open from', () => {
    const returning = ORDER_TRANSITIONS.filter((t) => t.to === 'previous').map((t) => t.name as OrderTransitionName);
    expect(returning).toEqual(['refundRejected', 'refundCancelled', 'refundFailed', 'partlyRefunded']);
    expect([...RESUMABLE].sort()).toEqual([...STORE_REFUNDABLE].sort());
    fc.assert(
      fc.property(fc.constantFrom(...returning), status, (name, target) => {
        if (RESUMABLE.includes(target)) expect(resolveTransition(name, { to: target }).to).toBe(target);
        else expect(() => resolveTransition(name, { to: target })).toThrow();
      }),
    );
    expect(() => resolveTransition('refundRejected')).toThrow();
    expect(() => resolveTransition('ship', { to: 'completed' })).toThrow();
  });

  it('derives the status groups the invariants and reports use', () => {
    expect(PAID_STATUSES).toEqual(ORDER_STATUSES.filter((s) => s !== 'pending_payment' && s !== 'cancelled'));
    expect(HOLDS_STOCK).toEqual(ORDER_STATUSES.filter((s) => s !== 'cancelled'));
    expect(HOLDS_COUPON).toEqual(ORDER_STATUSES.filter((s) => s !== 'cancelled' && s !== 'refunded'));
    expect(PURCHASED_STATUSES.every((s) => PAID_STATUSES.includes(s))).toBe(true);
  });

  it('is the table docs/features/order-states.md shows', () => {
    const doc = readFileSync(join(__dirname, '../../../../docs/features/order-states.md'), 'utf8');
    const section = (title: string) => doc.slice(doc.indexOf(`## ${title}`)).split('\n## ')[0]!;
    const rows = (title: string) =>
      section(title)
        .split('\n')
        .filter((l) => /^\| `?[a-z]/i.test(l) && !l.startsWith('| status') && !l.startsWith('| transition'));
    expect(rows('Order transitions')).toEqual(
      ORDER_TRANSITIONS.map((t) => `| \`${t.name}\` | ${t.from.join(', ')} | ${t.to} | ${t.by} |`),
    );
    const leaving = new Map(
      rows('Order statuses').map((l) => [l.split('|')[1]!.trim(), [...l.matchAll(/`(\w+)`/g)].map((m) => m[1])]),
    );
    for (const s of ORDER_STATUSES) expect(leaving.get(s), s).toEqual(outgoing(s));
  });

  it('declares the statuses the orders table accepts', () => {
    const sql = readFileSync(join(__dirname, '../../db/migrations/0008_groupbuy.sql'), 'utf8');
    const check = /orders_status_check check \(status in \(([^)]*)\)\)/.exec(sql)![1]!;
    expect(
      check
        .split(',')
        .map((s) => s.trim().replace(/'/g, ''))
        .sort(),
    ).toEqual([...ORDER_STATUSES].sort());
  });
});

// Compile-time only: a return after a refund must name its target, and no other transition may.
function typeChecks(tx: Executor) {
  // @ts-expect-error refundRejected needs `{ to }`
  void transitionOrder(tx, 'o', 'refundRejected', { status_before_refund: null });
  // @ts-expect-error ship goes to shipped; it takes no target
  void transitionOrder(tx, 'o', 'ship', {}, { to: 'completed' });
  // @ts-expect-error only the state machine chooses the status
  void transitionOrder(tx, 'o', 'ship', { status: 'completed' });
}
