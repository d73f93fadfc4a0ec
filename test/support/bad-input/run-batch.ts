import { contract, type ActionName, type ActionSpec, type Role } from '../../../cloudfunctions/core/contract';
import type { Db } from '../../../cloudfunctions/core/db/db';
import { ERRORS, httpStatusOf, type Envelope } from '../../../cloudfunctions/core/errors';
import { callAction } from '../call';
import { generateCases, type BadInputCase } from './case-generators';
import { changes, harmfulChanges, type Snapshot } from './db-snapshot';
import { AT, type HostileWorld } from './hostile-world';
import { inputJsonSchema } from './schema-fields';

/** The caller with the least role the action allows: anonymous, the attacker, demo-staff, demo-manager. */
export function leastRoleCaller(role: Role, world: HostileWorld): string | null {
  return { any: null, customer: world.attackerOpenid, staff: 'demo-staff', manager: 'demo-manager' }[role];
}

const STACK = /\bat .+:\d+:\d+|\n\s+at |node_modules|\.ts:\d+/;

/** Why an answer to one case breaks the contract's promises (empty: it keeps them). */
export function judge(
  spec: ActionSpec,
  c: BadInputCase,
  envelope: Envelope<unknown>,
  world: HostileWorld,
  callerRole: Role,
): string[] {
  const problems: string[] = [];
  const text = JSON.stringify(envelope);
  if (typeof envelope?.ok !== 'boolean') return [`not an envelope: ${text?.slice(0, 200)}`];
  if (!envelope.ok) {
    const { code, message } = envelope.error;
    if (!Object.hasOwn(ERRORS, code)) problems.push(`unknown error code ${code}`);
    else if (code === 'INTERNAL' || httpStatusOf(envelope) >= 500)
      problems.push(`${code} (HTTP ${httpStatusOf(envelope)}): ${message}`);
    if (typeof message !== 'string' || message.length === 0) problems.push('error without a message');
  }
  if (STACK.test(text)) problems.push(`stack trace or source path in the answer: ${text.slice(0, 300)}`);
  const schemaAccepts = spec.input.safeParse(c.data ?? {}).success;
  const code = envelope.ok ? 'ok' : envelope.error.code;
  if (c.intent === 'invalid') {
    if (code !== c.expectCode)
      problems.push(
        `expected ${c.expectCode}, got ${code}${schemaAccepts && c.expectCode === 'VALIDATION_FAILED' ? ' (the schema accepts this input)' : ''}`,
      );
  } else if (!schemaAccepts && code !== 'VALIDATION_FAILED') {
    problems.push(`schema refuses this input but the answer is ${code}`);
  }
  if (callerRole === 'any' || callerRole === 'customer') {
    const input = JSON.stringify(c.data) ?? '';
    const leaked = world.privateMarkers.filter((m) => text.includes(m) && !input.includes(m));
    if (leaked.length) problems.push(`answer carries another member's data: ${leaked.join(', ')}`);
  }
  return problems;
}

export interface BatchResult {
  name: ActionName;
  cases: number;
  /** Cases whose input passed the schema and reached the use case (hostile ones, mostly). */
  reached: number;
  byFamily: Record<string, number>;
  byOutcome: Record<string, number>;
  violations: string[];
  ms: number;
  /** The full snapshot after the batch: the next batch starts from it. */
  end: Snapshot;
}

/** The generated cases of one action (the same seed gives the same cases). */
export function casesFor(
  name: ActionName,
  samples: unknown[],
  world: HostileWorld,
  options: { total: number; seed: number },
): BadInputCase[] {
  const spec = contract[name] as ActionSpec;
  return generateCases({
    schema: inputJsonSchema(spec.input),
    samples,
    mutating: Boolean(spec.mutating),
    privileged: spec.role === 'staff' || spec.role === 'manager',
    pool: world.pool,
    emptyIsValid: spec.input.safeParse({}).success,
    total: options.total,
    seed: options.seed,
  });
}

const short = (c: BadInputCase) => `${c.label} [${c.family}]`;

/**
 * Runs one action's cases as its least-role caller through the dispatcher and checks each answer.
 * The whole database (row counts, content hashes, balances) is snapshotted before and after the
 * batch, and row counts and balances after every call that might write (a mutating call whose input
 * passes the schema), each compared with the one before: a refused call must leave everything as it
 * was, a read must never write, and an accepted write must not delete rows or move money, points or
 * stock. Content hashes are compared per batch only (they cost ~50 ms): in a batch with accepted
 * writes an in-place update by a refused call would show in counts or statuses only, which is why
 * mutating refusals roll back their whole transaction (withIdempotency).
 */
export async function runBatch(
  db: Db,
  name: ActionName,
  samples: unknown[],
  world: HostileWorld,
  snapshot: (options?: { content?: boolean }) => Promise<Snapshot>,
  options: { total: number; seed: number; start?: Snapshot },
): Promise<BatchResult> {
  const started = Date.now();
  const spec = contract[name] as ActionSpec;
  const cases = casesFor(name, samples, world, options);
  const openid = leastRoleCaller(spec.role, world);
  const first = options.start ?? (await snapshot({ content: true }));
  const result: BatchResult = {
    name,
    cases: cases.length,
    reached: 0,
    byFamily: {},
    byOutcome: {},
    violations: [],
    ms: 0,
    end: first,
  };
  // Counts and balances after the last call that might have written: the "before" of the next one.
  let before = await snapshot();
  let accepted = 0;
  for (const c of cases) {
    result.byFamily[c.family] = (result.byFamily[c.family] ?? 0) + 1;
    const passes = spec.input.safeParse(c.data ?? {}).success;
    if (passes) result.reached++;
    const mayWrite = Boolean(spec.mutating) && c.idempotencyKey !== undefined && passes;
    let envelope: Envelope<unknown>;
    try {
      envelope = await callAction(db, name, c.data as never, { openid, now: AT, idempotencyKey: c.idempotencyKey });
    } catch (error) {
      result.violations.push(`${short(c)}: threw ${(error as Error).message?.slice(0, 200)}`);
      result.byOutcome.threw = (result.byOutcome.threw ?? 0) + 1;
      continue;
    }
    const outcome = envelope.ok ? 'ok' : envelope.error.code;
    result.byOutcome[outcome] = (result.byOutcome[outcome] ?? 0) + 1;
    for (const p of judge(spec, c, envelope, world, spec.role)) result.violations.push(`${short(c)}: ${p}`);
    if (mayWrite) {
      const after = await snapshot();
      if (envelope.ok) accepted++;
      const diff = envelope.ok ? harmfulChanges(before, after) : changes(before, after);
      if (diff.length)
        result.violations.push(
          `${short(c)} -> ${outcome} ${envelope.ok ? 'made a harmful write' : 'wrote on refusal'}: ${diff.join('; ')}`,
        );
      before = after;
    }
  }
  const end = await snapshot({ content: true });
  // Without an accepted write nothing at all may differ; with some, only what they may do.
  const wrote = accepted ? harmfulChanges(first, end) : changes(first, end);
  if (wrote.length) result.violations.push(`${name}: the batch changed the database: ${wrote.join('; ')}`);
  result.ms = Date.now() - started;
  result.end = end;
  return result;
}
