import { describe, expect, it } from 'vitest';
import { nudgeTriggers } from './registry';

/** The form's fields come from `argFields`, the run trusts `args`: the two must say the same. */
describe('nudge trigger args: the declared fields agree with the schema', () => {
  it.each(nudgeTriggers.map((t) => [t.code, t] as const))('%s', (_code, t) => {
    const defaults = t.args.parse({}) as Record<string, unknown>;
    expect(t.argFields.map((a) => a.key).sort()).toEqual(Object.keys(defaults).sort());
    for (const a of t.argFields) {
      const withArg = (value: unknown) => t.args.safeParse({ ...defaults, [a.key]: value }).success;
      if (a.kind === 'int') {
        expect(defaults[a.key]).toBeGreaterThanOrEqual(a.min);
        expect(defaults[a.key]).toBeLessThanOrEqual(a.max);
        expect([withArg(a.min), withArg(a.max), withArg(a.min - 1), withArg(a.max + 1)]).toEqual([
          true,
          true,
          false,
          false,
        ]);
      } else {
        expect([withArg(null), withArg('ct-some-template')]).toEqual([true, true]);
      }
    }
  });
});
