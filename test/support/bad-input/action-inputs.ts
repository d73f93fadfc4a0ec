import { contract, type ActionName, type ActionSpec } from '../../../cloudfunctions/core/contract';
import { actionSamples } from '../../integration/staff/action-samples';
import { fullerActionSamples } from '../../integration/staff/fuller-action-samples';

/** Cases per action (at least 200); BAD_INPUT_CASES raises it for a longer run, BAD_INPUT_SEED varies it. */
export const CASES_PER_ACTION = Math.max(200, Number(process.env.BAD_INPUT_CASES ?? 200));
export const BAD_INPUT_SEED = Number(process.env.BAD_INPUT_SEED ?? 20_261_125);

/** A stable seed per action, so one action's cases do not change when another action is added. */
export function seedOf(name: string): number {
  let h = BAD_INPUT_SEED;
  for (const ch of name) h = (Math.imul(h, 31) + ch.charCodeAt(0)) | 0;
  return h >>> 0;
}

/**
 * The valid inputs the generators break: the authorization matrix's sample, and a fuller one where
 * there is one. Fails loudly when an action has no sample or a sample no longer passes its schema,
 * so an action added to the contract cannot slip past the suite.
 */
export function samplesOf(name: ActionName, skuId: string): unknown[] {
  const spec = contract[name] as ActionSpec;
  const samples = [actionSamples(skuId)[name], fullerActionSamples(skuId)[name]].filter((s) => s !== undefined);
  if (samples.length === 0)
    throw new Error(`no valid sample for ${name}: add one to test/integration/staff/action-samples.ts`);
  for (const sample of samples) {
    const parsed = spec.input.safeParse(sample);
    if (!parsed.success)
      throw new Error(`the sample for ${name} in action-samples.ts fails its schema: ${parsed.error.message}`);
  }
  return samples;
}
