import { z } from 'zod';

const id = z.string().min(1);
const fen = z.number().int();

/**
 * The topic catalog: every outbox topic and the schema of its payload. It is the contract between
 * the context that publishes and the contexts that subscribe, so it lives here, in the outbox, which
 * imports no business context: a publisher and its subscribers both depend on it, never on each other.
 * Objects strip unknown keys rather than refuse them, so a message written by a newer deploy still
 * delivers to an older worker during a rollout.
 */
export const topics = {
  /** Order context -> WeChat Pay: submit an approved refund (retries reuse its outRefundNo). */
  'refund.request': z.object({ refundId: id }),
  /** Order context -> WeChat Pay: ask about a refund whose callback has not come. */
  'refund.check': z.object({ refundId: id }),
  /** Order context -> WeChat: upload the shipping info of a shipped or picked-up order. */
  'shipping.upload': z.object({
    orderId: id,
    /** WeChat's logistics type: 1 express, 4 picked up by the customer. */
    logisticsType: z.union([z.literal(1), z.literal(4)]),
    carrier: z.string().nullable(),
    trackingNo: z.string().nullable(),
  }),
  /** Group-buy context: tell one member's order how its team ended. */
  'groupbuy.notify': z.object({ orderId: id, teamId: id, outcome: z.enum(['succeeded', 'failed']) }),
  /** Order context: the refund window closed; points, growth and referral reward what was paid. */
  'order.settled': z.object({
    orderId: id,
    storeId: id,
    memberId: id,
    /** What the customer finally paid: payable minus every refund. */
    paidFen: fen,
    /** The order's own earn rate (points per paid yuan before the tier multiplier); absent: 1. */
    pointsPerYuan: z.number().int().min(0).max(100).optional(),
    settledAt: z.iso.datetime(),
  }),
  /** Order context: money went back; points, growth and referral reverse what the order earned. */
  'order.refunded': z.object({
    orderId: id,
    storeId: id,
    memberId: id,
    refundId: id,
    refundFen: fen,
    wholeOrder: z.boolean(),
    /** The order had settled (points and rewards granted) before this refund. */
    afterSettlement: z.boolean(),
    refundedAt: z.iso.datetime(),
  }),
  /** Nudge context: send one queued nudge through the subscribe-message port. */
  'nudge.send': z.object({ nudgeId: id }),
  /** Catalog context: a sold-out product is back; tell one member who asked for 到货提醒. */
  'restock.notify': z.object({ productId: id, memberId: id }),
} as const;

export type Topic = keyof typeof topics;
export type PayloadOf<T extends Topic> = z.infer<(typeof topics)[T]>;

/** Whether a stored topic string is one this code knows (rows can outlive the code that wrote them). */
export function isTopic(topic: string): topic is Topic {
  return Object.hasOwn(topics, topic);
}
