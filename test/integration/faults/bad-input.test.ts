import { afterAll, beforeAll, expect, it } from 'vitest';
import { contract, type ActionName, type ActionSpec } from '../../../cloudfunctions/core/contract';
import { describeEachDatabase } from '../../support/databases';
import { snapshotter } from '../../support/bad-input/db-snapshot';
import { makeHostileWorld, type HostileWorld } from '../../support/bad-input/hostile-world';
import { runBatch, type BatchResult } from '../../support/bad-input/run-batch';
import { actionSamples, fullerActionSamples } from '../staff/action-samples';

/** Cases per action (at least 200); BAD_INPUT_CASES raises it for a longer run, BAD_INPUT_SEED varies it. */
const TOTAL = Math.max(200, Number(process.env.BAD_INPUT_CASES ?? 200));
const SEED = Number(process.env.BAD_INPUT_SEED ?? 20_261_125);
const ACTIONS = Object.keys(contract) as ActionName[];

function seedOf(name: string): number {
  let h = SEED;
  for (const ch of name) h = (Math.imul(h, 31) + ch.charCodeAt(0)) | 0;
  return h >>> 0;
}

describeEachDatabase('bad input: every contract action, generated from its zod schema', (use, kind) => {
  let world: HostileWorld;
  let snapshot: Awaited<ReturnType<typeof snapshotter>>;
  let skuId: string;
  const results: BatchResult[] = [];

  beforeAll(async () => {
    const db = use();
    skuId = (await db.kysely.selectFrom('skus').select('id').where('active', '=', true).orderBy('id').executeTakeFirstOrThrow()).id;
    world = await makeHostileWorld(db);
    snapshot = await snapshotter(db);
  });

  afterAll(() => {
    const total = results.reduce((n, r) => n + r.cases, 0);
    const lines = results.map((r) => `  ${r.name.padEnd(34)} ${String(r.cases).padStart(4)} ${String(r.ms).padStart(6)} ms  ${Object.entries(r.byOutcome).map(([k, v]) => `${k}=${v}`).join(' ')}`);
    console.log(`[bad-input ${kind}] ${total} cases over ${results.length} actions (seed ${SEED}):\n${lines.join('\n')}`);
  });

  for (const name of ACTIONS) {
    it(`${name}: ${TOTAL}+ bad inputs are refused with a 4xx code, leak nothing and write nothing`, async () => {
      const sample = actionSamples(skuId)[name];
      if (sample === undefined) throw new Error(`no valid sample for ${name}: add one to test/integration/staff/action-samples.ts`);
      const spec = contract[name] as ActionSpec;
      expect(spec.input.safeParse(sample).success, `the sample for ${name} must pass its schema`).toBe(true);
      const fuller = fullerActionSamples(skuId)[name];
      if (fuller !== undefined) expect(spec.input.safeParse(fuller).success, `the fuller sample for ${name} must pass its schema`).toBe(true);
      const samples = fuller === undefined ? [sample] : [sample, fuller];
      const result = await runBatch(use(), name, samples, world, snapshot, { total: TOTAL, seed: seedOf(name) });
      results.push(result);
      expect(result.cases).toBeGreaterThanOrEqual(TOTAL);
      expect(result.violations.slice(0, 15), `${result.violations.length} violations`).toEqual([]);
    });
  }

  it('left Object.prototype alone', () => {
    expect(Object.keys(Object.prototype)).toEqual([]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(({} as Record<string, unknown>).role).toBeUndefined();
  });
});
