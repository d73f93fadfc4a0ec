import type { ActionInput, TrackingView } from '../contract';
import type { MemberArgs } from '../context';
import { fail, ok, type Result } from '../errors';
import { loadOwnOrder } from '../order';
import type { TrackingAnswer, TrackingState } from '../platform/platform';
import { findCarrier } from './domain/carriers';
import { isTimelineFresh } from './domain/timeline-freshness';
import { TRACKING_STATE_TEXT } from './domain/tracking-text';
import { findTimeline, saveTimeline } from './repo/tracking.repo';

type Cached = NonNullable<Awaited<ReturnType<typeof findTimeline>>>;

function viewOf(order: { orderId: string; carrier: string; trackingNo: string }, t: Cached | null): TrackingView {
  if (!t || !t.found)
    return { ...order, available: false, state: null, stateText: '暂无物流信息', steps: [], fetchedAt: null };
  const state = t.state as TrackingState;
  return {
    ...order,
    available: true,
    state,
    stateText: TRACKING_STATE_TEXT[state] ?? TRACKING_STATE_TEXT.unknown,
    steps: t.events,
    fetchedAt: t.fetched_at.toISOString(),
  };
}

/**
 * `order.tracking`: the shipped order's timeline, from the cache while fresh (30 minutes; a delivered
 * one for good), else asked of the carrier and cached. A provider that cannot be asked now leaves the
 * last timeline shown rather than an error.
 */
export async function orderTracking({
  input,
  caller,
  ctx,
  exec,
}: MemberArgs<ActionInput<'order.tracking'>>): Promise<Result<TrackingView>> {
  const own = await loadOwnOrder(exec, caller.memberId, input.orderId, ctx.now);
  if (!own.ok) return own;
  const shipping = own.data.shipping;
  if (!shipping) return fail('NOT_FOUND', '订单尚未发货', { orderId: input.orderId });
  const order = { orderId: input.orderId, carrier: shipping.carrier, trackingNo: shipping.trackingNo };
  const carrier = findCarrier(shipping.carrier);
  if (!carrier) return ok(viewOf(order, null));
  const cached = (await findTimeline(exec, carrier.code, shipping.trackingNo)) ?? null;
  if (cached && isTimelineFresh(cached, ctx.now)) return ok(viewOf(order, cached));
  let answer: TrackingAnswer;
  try {
    const phone = own.data.delivery.address?.phone;
    answer = await ctx.platform.tracking.query({
      carrier: carrier.code,
      trackingNo: shipping.trackingNo,
      ...(phone ? { phoneTail: phone.slice(-4) } : {}),
    });
  } catch (error) {
    console.warn(JSON.stringify({ alert: 'tracking_query_failed', carrier: carrier.code, error: String(error) }));
    return ok(viewOf(order, cached));
  }
  // A carrier that forgot a parcel it knew keeps the timeline it gave before.
  if (!answer.found && cached?.found) return ok(viewOf(order, cached));
  await saveTimeline(exec, {
    carrierCode: carrier.code,
    trackingNo: shipping.trackingNo,
    provider: ctx.platform.tracking.provider,
    found: answer.found,
    state: answer.found ? answer.state : 'unknown',
    events: answer.found ? answer.events : [],
    final: answer.found && answer.state === 'delivered',
    fetchedAt: ctx.now,
  });
  return ok(viewOf(order, (await findTimeline(exec, carrier.code, shipping.trackingNo)) ?? null));
}
