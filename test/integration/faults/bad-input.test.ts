import { afterAll, beforeAll, expect, it } from 'vitest';
import { contract, type ActionName } from '../../../cloudfunctions/core/contract';
import { describeEachDatabase } from '../../support/databases';
import { BAD_INPUT_SEED, CASES_PER_ACTION, samplesOf, seedOf } from '../../support/bad-input/action-inputs';
import { snapshotter } from '../../support/bad-input/db-snapshot';
import { makeHostileWorld, type HostileWorld } from '../../support/bad-input/hostile-world';
import { runBatch, type BatchResult } from '../../support/bad-input/run-batch';

const ACTIONS = Object.keys(contract) as ActionName[];

describeEachDatabase('bad input: every contract action, generated from its zod schema', (use, kind) => {
  let world: HostileWorld;
  let snapshot: Awaited<ReturnType<typeof snapshotter>>;
  let skuId: string;
  const results: BatchResult[] = [];

  beforeAll(async () => {
    const db = use();
    skuId = (
      await db.kysely.selectFrom('skus').select('id').where('active', '=', true).orderBy('id').executeTakeFirstOrThrow()
    ).id;
    world = await makeHostileWorld(db);
    snapshot = await snapshotter(db);
  });

  afterAll(() => {
    const total = results.reduce((n, r) => n + r.cases, 0);
    const reached = results.reduce((n, r) => n + r.reached, 0);
    const lines = results.map(
      (r) =>
        `  ${r.name.padEnd(34)} ${String(r.cases).padStart(4)} cases ${String(r.reached).padStart(4)} reached ${String(r.ms).padStart(6)} ms  ${Object.entries(
          r.byOutcome,
        )
          .map(([k, v]) => `${k}=${v}`)
          .join(' ')}`,
    );
    console.log(
      `[bad-input ${kind}] ${total} cases over ${results.length} actions, ${reached} of them past the schema into a use case (seed ${BAD_INPUT_SEED}):\n${lines.join('\n')}`,
    );
  });

  for (const name of ACTIONS) {
    it(`${name}: ${CASES_PER_ACTION}+ bad inputs are refused with a 4xx code, leak nothing and write nothing`, async () => {
      // Each batch starts from the previous one's closing snapshot (nothing else runs in between).
      const start = results.at(-1)?.end;
      const result = await runBatch(use(), name, samplesOf(name, skuId), world, snapshot, {
        total: CASES_PER_ACTION,
        seed: seedOf(name),
        start,
      });
      results.push(result);
      expect(result.cases).toBeGreaterThanOrEqual(CASES_PER_ACTION);
      expect(result.violations.slice(0, 15), `${result.violations.length} violations`).toEqual([]);
    });
  }

  it('left Object.prototype alone', () => {
    expect(Object.keys(Object.prototype)).toEqual([]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(({} as Record<string, unknown>).role).toBeUndefined();
  });
});
