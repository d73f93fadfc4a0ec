import { ESLint } from 'eslint';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(__dirname, '..', '..');
// eslint-config files are CommonJS: the house plan and the rule, exactly as `npm run lint` loads them.
const plan = require(path.join(ROOT, 'config/eslint/contexts.js')) as {
  contexts: string[];
  allowed: Record<string, string[]>;
};

const eslint = () => new ESLint({ cwd: ROOT });

/** The rule's complaints about one file's text, as if it sat at `file`. */
async function lintAs(file: string, text: string): Promise<string[]> {
  const [result] = await eslint().lintText(text, { filePath: path.join(ROOT, file) });
  return result!.messages.map((m) => m.message);
}

describe('boundaries between contexts (config/eslint/contexts.js)', () => {
  it('the allowed arrows between contexts form no circle (a topological order exists)', () => {
    const order: string[] = [];
    const left = new Set(plan.contexts);
    while (left.size > 0) {
      const ready = [...left].filter((c) => plan.allowed[c]!.every((dep) => !left.has(dep)));
      expect(ready, `a circle among ${[...left].join(', ')}`).not.toEqual([]);
      for (const c of ready) {
        left.delete(c);
        order.push(c);
      }
    }
    expect(order).toHaveLength(plan.contexts.length);
    for (const c of plan.contexts)
      for (const dep of plan.allowed[c]!) expect(plan.contexts, `${c} -> ${dep}`).toContain(dep);
  });

  it('the whole tree passes the boundary lint', async () => {
    const results = await eslint().lintFiles(['cloudfunctions']);
    const problems = results.flatMap((r) =>
      r.messages.map((m) => `${path.relative(ROOT, r.filePath)}:${m.line} ${m.message}`),
    );
    expect(problems).toEqual([]);
  }, 120_000);

  it("refuses a deliberate reach into another context's repo/, naming the front door to use", async () => {
    const messages = await lintAs(
      'cloudfunctions/core/groupbuy/intruder.ts',
      "import { findOrder } from '../order/repo/order.repo';\nexport const x = findOrder;\n",
    );
    expect(messages).toEqual([
      expect.stringContaining(
        "imports core/order/repo/order.repo: another context's inside. Import 'order/index' (its front door)",
      ),
    ]);
  });

  it('refuses an arrow the plan does not draw, even through the front door (order may not import group-buy)', async () => {
    const messages = await lintAs(
      'cloudfunctions/core/order/intruder.ts',
      "import { takeGroupBuySeat } from '../groupbuy';\nexport const x = takeGroupBuySeat;\n",
    );
    expect(messages).toEqual([expect.stringContaining('(context order) imports context groupbuy: no such arrow')]);
  });

  it('refuses the kernel importing any context', async () => {
    const messages = await lintAs(
      'cloudfunctions/core/outbox/intruder.ts',
      "import { earnPointsOnSettled } from '../points';\nexport const x = earnPointsOnSettled;\n",
    );
    expect(messages).toEqual([expect.stringContaining('is kernel (outbox) and imports context points')]);
  });
});
