import { randomInt } from 'node:crypto';
import { shanghaiStamp } from '../../shared/time';

/**
 * Order numbers double as WeChat Pay's outTradeNo (<= 32 chars of [0-9A-Za-z_-]): a Shanghai
 * timestamp (sortable, readable on the phone with the customer) plus 8 random digits = 22 chars.
 */
export function newOrderNo(now: Date, random: (max: number) => number = randomInt): string {
  let tail = '';
  for (let i = 0; i < 8; i++) tail += String(random(10));
  return `${shanghaiStamp(now)}${tail}`;
}

/** Deterministic per refund: a retried refund request carries the same outRefundNo, so WeChat refunds once. */
export function outRefundNoFor(orderNo: string, refundSeq: number): string {
  return `${orderNo}R${refundSeq}`;
}

/** 6-digit pickup code shown at the counter; unique among a store's open pickups (the index enforces it). */
export function newPickupCode(random: (max: number) => number = randomInt): string {
  return String(random(1_000_000)).padStart(6, '0');
}
