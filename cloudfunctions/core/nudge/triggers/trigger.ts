import type { RawBuilder } from 'kysely';
import { sql } from 'kysely';
import type { z } from 'zod';
import type { Executor } from '../../db/db';
import { inShanghai } from '../../shared/time';
import { PURCHASED_STATUSES } from '../../order';

/** What a trigger's SQL sees: the store, the run's clock, and its validated args. */
export interface TriggerQuery<A> {
  storeId: string;
  now: Date;
  args: A;
}

/** The subscribe message a nudge becomes: `title` -> thing1, `body` -> thing2 (WeChat: <= 20 chars each). */
export interface NudgeMessage {
  page: string;
  title: string;
  body: string;
}

/**
 * One arg of a trigger as the manager's form shows it (Vendure's promotion args carry the same UI
 * metadata): the settings section renders one typed field per arg from this, and the trigger's zod
 * `args` schema stays the judge (a spec checks the two agree: keys, ranges, defaults).
 */
export type TriggerArgField =
  | { key: string; label: string; kind: 'int'; min: number; max: number; unit: string; help?: string }
  /** A coupon template of the store, or none (null). */
  | { key: string; label: string; kind: 'couponTemplate'; help?: string };

/**
 * A nudge trigger: a declarative registry entry. `select` returns, set-based, the members due now
 * as rows `(member_id text, subject text, detail jsonb)`; it must read through an index on its
 * due window so its cost grows with the members due, not with all members. `subject` is the
 * dedupe key with (member, trigger): one nudge per product purchase, coupon, expiry date ...
 */
export interface NudgeTrigger<A = unknown> {
  code: string;
  /** zh-CN name on the dashboards and the message log. */
  title: string;
  args: z.ZodType<A>;
  argFields: TriggerArgField[];
  /** Work the selection needs first, in the run's transaction (win-back refreshes its member stats). */
  prepare?(tx: Executor, q: TriggerQuery<A> & { since: Date | null }): Promise<void>;
  select(q: TriggerQuery<A>): RawBuilder<unknown>;
  /** Extra effects for one written nudge, in the run's transaction; returns detail to merge (a coupon id). */
  onQueued?(
    tx: Executor,
    nudge: { memberId: string; storeId: string; detail: Record<string, unknown> },
    q: TriggerQuery<A>,
  ): Promise<Record<string, unknown> | null>;
  message(detail: Record<string, unknown>, args: A): NudgeMessage;
}

/** PURCHASED_STATUSES (order-rules) as an SQL list for `status in ${PURCHASED}`; constants, so raw is safe. */
export const PURCHASED = sql.raw(`(${PURCHASED_STATUSES.map((s) => `'${s}'`).join(',')})`);

/** `n` days as an SQL interval. */
export const days = (n: number | RawBuilder<unknown>) => sql`(${n} * interval '1 day')`;

/** A Shanghai calendar date `YYYY-MM-DD` for subjects and messages. */
export const shanghaiDate = (at: unknown): string => inShanghai(new Date(String(at))).format('YYYY-MM-DD');

/** Defines a trigger with its args type inferred from the schema. */
export const defineTrigger = <A>(t: NudgeTrigger<A>): NudgeTrigger<A> => t;
