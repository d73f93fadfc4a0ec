import type { ActionArgs } from '../context';
import type { ActionOutput } from '../contract';
import { ok, type Result } from '../errors';
import { fen } from '../shared/money';
import { shanghaiDay } from '../shared/time';
import { summaryFigures } from './repo/summary';

/** `manager.summary`: today's sales, orders and average ticket (Shanghai business day), and the queues waiting now. */
export async function managerSummary({
  ctx,
  exec,
}: ActionArgs<'manager.summary'>): Promise<Result<ActionOutput<'manager.summary'>>> {
  const day = shanghaiDay(ctx.now);
  const f = await summaryFigures(exec, { storeId: ctx.storeId, from: day.start, to: day.end });
  return ok({
    day: day.label,
    salesFen: fen(f.salesFen),
    orderCount: f.orders,
    averageFen: fen(f.orders === 0 ? 0 : Math.round(f.salesFen / f.orders)),
    toShip: f.toShip,
    refundsToReview: f.refunds,
    toPickUp: f.toPickUp,
  });
}
