/**
 * The house plan of cloudfunctions/core, read by the boundary lint (eslint.config.js) and by the
 * test that proves the context graph acyclic. One place: docs/architecture.md renders it.
 *
 * - A **context** owns a slice of the business and its tables. Another context imports it only
 *   through its front door, `core/<context>/index.ts`, and only along an arrow listed in `allowed`.
 * - The **kernel** is what every context stands on (money, time, errors, the contract, the database,
 *   WeChat's ports, the outbox, idempotency, rate limits, the audit log). It imports no context.
 * - **Composition** wires contexts together: the dispatcher and its handler table, the plug-in
 *   registrations, the timers, the deployed functions' runtime, invariants, the seed, the gateway.
 *   It may import any context's front door, never past it; core/subscribers also opens each
 *   context's `<context>.subscribers.ts`, the file where that context registers its outbox handlers.
 */
const contexts = [
  'catalog',
  'member',
  'points',
  'coupon',
  'order',
  'payment',
  'groupbuy',
  'referral',
  'nudge',
  'advisor',
  'shop',
  'staff',
  'dashboard',
  'freight',
  'settings',
  'logistics',
  'export',
];

const kernel = [
  'shared',
  'contract',
  'db',
  'platform',
  'outbox',
  'idempotency',
  'ratelimit',
  'config',
  'audit',
  'errors.ts',
  'context.ts',
  'contract.ts',
];

const composition = [
  'dispatcher.ts',
  'handlers.ts',
  'plugins.ts',
  'subscribers.ts',
  'timers',
  'runtime',
  'ops',
  'db/seed',
];

/**
 * Pure modules a context publishes to the contract (zod and kernel money only, no database): the
 * coupon kind registry, whose codes are the contract's enum, so a new kind is one file in coupon.
 */
const published = { coupon: ['rules'] };

/** context -> the contexts it may import (their front doors). Lower contexts never import higher ones. */
const allowed = {
  catalog: ['member', 'freight', 'settings'],
  member: ['settings'],
  points: ['member', 'settings'],
  coupon: ['catalog', 'member'],
  order: ['catalog', 'member', 'coupon', 'points', 'freight', 'settings'],
  payment: ['order', 'settings'],
  groupbuy: ['catalog', 'member', 'order', 'payment', 'freight', 'settings'],
  referral: ['catalog', 'member', 'points', 'coupon', 'order', 'settings'],
  nudge: ['member', 'coupon', 'order', 'settings'],
  advisor: ['member', 'coupon', 'order', 'nudge'],
  shop: ['member', 'coupon', 'order', 'advisor'],
  staff: ['member', 'points', 'coupon', 'order', 'advisor', 'shop', 'settings'],
  dashboard: ['nudge'],
  freight: ['member'],
  settings: [],
  logistics: ['order'],
  export: [],
};

module.exports = { contexts, kernel, composition, allowed, published };
