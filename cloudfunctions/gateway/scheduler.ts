import type { FastifyBaseLogger } from 'fastify';
import type { CallContext } from '../core/context';
import { cronMatches, parseCron } from '../core/timers/cron';
import type { TimerFunction } from '../core/timers/timers';
import { timerLeaseMs } from '../core/timers/timer-leases';
import { claimTimerSlot } from './timer-slots';

/** Runs a timer once under its lease; `ran: false` when another replica holds it. */
export async function runTimerOnce(timer: TimerFunction, ctx: CallContext) {
  const outcome = await ctx.db.withTimerLease(timer.name, timerLeaseMs(timer.name), () => timer.run(ctx));
  return outcome.ran ? { timer: timer.name, ran: true, result: outcome.value } : { timer: timer.name, ran: false };
}

/** A scheduled run: under the timer's lease, and only if no replica has run this slot yet. */
async function runScheduledTimer(timer: TimerFunction, ctx: CallContext, slot: Date, replica: string) {
  const outcome = await ctx.db.withTimerLease(timer.name, timerLeaseMs(timer.name), async () => {
    if (!(await claimTimerSlot(ctx.db, timer.name, slot, replica))) return null;
    return timer.run(ctx);
  });
  return outcome.ran && outcome.value
    ? { timer: timer.name, ran: true, result: outcome.value }
    : { timer: timer.name, ran: false };
}

/** Ticks every second and fires each timer whose cron matches that second. Returns a stop function. */
export function startScheduler(
  registry: readonly TimerFunction[],
  context: () => CallContext,
  log: FastifyBaseLogger,
  replica = `replica-${process.pid}-${Math.random().toString(36).slice(2, 8)}`,
): () => void {
  const parsed = registry.map((timer) => ({ timer, cron: parseCron(timer.cron), running: false }));
  let lastSecond = Math.floor(Date.now() / 1000);
  const tick = setInterval(() => {
    const second = Math.floor(Date.now() / 1000);
    if (second === lastSecond) return;
    lastSecond = second;
    for (const entry of parsed) {
      if (entry.running || !cronMatches(entry.cron, new Date(second * 1000))) continue;
      entry.running = true;
      runScheduledTimer(entry.timer, context(), new Date(second * 1000), replica)
        .then((r) => log.info(r, 'timer ran'))
        .catch((err) => log.error({ err, timer: entry.timer.name }, 'timer failed'))
        .finally(() => (entry.running = false));
    }
  }, 250);
  tick.unref();
  return () => clearInterval(tick);
}
