import type { ActionInput, ActionOutput } from '../contract';
import type { ServiceArgs } from '../context';
import { ok, type Result } from '../errors';
import { chartProviders } from './charts/registry';

/** `manager.dashboard`: every registered chart's numbers for the store (providers run one after another: one connection). */
export async function getDashboard({
  ctx,
  exec,
}: ServiceArgs<ActionInput<'manager.dashboard'>>): Promise<Result<ActionOutput<'manager.dashboard'>>> {
  const charts = [];
  for (const p of chartProviders)
    charts.push({ code: p.code, title: p.title, ...(await p.load(exec, { storeId: ctx.storeId, now: ctx.now })) });
  return ok({ charts, generatedAt: ctx.now.toISOString() });
}
