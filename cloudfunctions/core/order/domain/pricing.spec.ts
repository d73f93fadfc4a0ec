import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { DeliveryType } from '../../contract';
import { fen, type Fen } from '../../shared/money';
import {
  MIN_PAYABLE_FEN,
  POINTS_MAX_SHARE_PERCENT,
  priceOrder,
  type CatalogLine,
  type CouponOffer,
  type PricingInput,
} from './pricing';

const BOTH: DeliveryType[] = ['express', 'pickup'];

function line(i: number, unitPriceFen: number, qty: number, fulfilment: DeliveryType[] = BOTH): CatalogLine {
  return {
    skuId: `sku-${i}`,
    productId: `p-${i}`,
    categoryId: i % 2 === 0 ? 'c-even' : 'c-odd',
    title: `商品 ${i}`,
    image: '',
    specsText: '',
    qty,
    unitPriceFen: fen(unitPriceFen),
    fulfilment,
  };
}

/** A coupon taking `discount` off the lines `eligible` selects (it does not cap itself: pricing must). */
function coupon(discount: number, eligible: (i: number) => boolean): CouponOffer {
  return {
    couponId: 'cp-1',
    evaluate: (lines) => ({ ok: true, discountFen: fen(discount), eligible: lines.map((_, i) => eligible(i)) }),
  };
}

function input(overrides: Partial<PricingInput>): PricingInput {
  return {
    lines: [line(0, 8900, 1)],
    memberPricePercent: 100,
    freeShippingThresholdFen: fen(9900),
    expressFeeFen: fen(1000),
    deliveryType: 'express',
    coupon: null,
    pointsRequested: 0,
    pointsBalance: 0,
    ...overrides,
  };
}

function priced(i: PricingInput) {
  const result = priceOrder(i);
  if (!result.ok) throw new Error(`expected ok, got ${result.error.code}`);
  return result.data;
}

const sum = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0);

describe('priceOrder', () => {
  it('list price, express fee below the free-shipping threshold', () => {
    const p = priced(input({}));
    expect(p).toMatchObject({
      subtotalFen: 8900,
      memberDiscountFen: 0,
      shippingFen: 1000,
      payableFen: 9900,
      pointsUsed: 0,
    });
    expect(p.lines[0]!.payableFen).toBe(8900);
  });

  it('free shipping at the threshold, and never for pickup', () => {
    expect(priced(input({ lines: [line(0, 9900, 1)] })).shippingFen).toBe(0);
    expect(priced(input({ deliveryType: 'pickup' })).shippingFen).toBe(0);
  });

  it('member price rounds half up per unit', () => {
    const p = priced(input({ lines: [line(0, 8950, 2)], memberPricePercent: 95 }));
    // 8950 * 0.95 = 8502.5 -> 8503 per unit
    expect(p.lines[0]!.memberPriceFen).toBe(8503);
    expect(p.memberDiscountFen).toBe(2 * 8950 - 2 * 8503);
  });

  it('points pay at most half of the goods after coupon', () => {
    const p = priced(input({ lines: [line(0, 10000, 1)], pointsRequested: 9000, pointsBalance: 9000 }));
    expect(p.pointsUsed).toBe(5000);
    expect(p.payableFen).toBe(5000 + 1000);
  });

  it('more points than the balance is INSUFFICIENT_POINTS', () => {
    const r = priceOrder(input({ pointsRequested: 100, pointsBalance: 99 }));
    expect(r.ok ? null : r.error.code).toBe('INSUFFICIENT_POINTS');
  });

  it('a delivery type some line does not allow is DELIVERY_CONFLICT naming that line', () => {
    const r = priceOrder(input({ lines: [line(0, 100, 1, ['express'])], deliveryType: 'pickup' }));
    expect(r.ok ? null : r.error.code).toBe('DELIVERY_CONFLICT');
    expect(r.ok ? null : r.error.details).toMatchObject({
      deliveryOptions: ['express'],
      blockers: { express: [], pickup: [{ skuId: 'sku-0' }] },
    });
  });

  it('without a requested type a pickup-only cart is priced for pickup', () => {
    const p = priced(input({ lines: [line(0, 100, 1, ['pickup'])], deliveryType: undefined }));
    expect(p.deliveryType).toBe('pickup');
    expect(p.deliveryOptions).toEqual(['pickup']);
    expect(p.shippingFen).toBe(0);
  });

  it('a cart mixing express-only and pickup-only lines names both sides', () => {
    const r = priceOrder(
      input({ lines: [line(0, 100, 1, ['express']), line(1, 100, 1, ['pickup'])], deliveryType: undefined }),
    );
    expect(r.ok ? null : r.error.details).toMatchObject({
      deliveryOptions: [],
      blockers: { express: [{ skuId: 'sku-1' }], pickup: [{ skuId: 'sku-0' }] },
    });
  });

  it('the points cap is half the goods after coupon, whatever was asked', () => {
    const p = priced(input({ lines: [line(0, 10000, 1)], pointsRequested: 0, pointsBalance: 0 }));
    expect(p.pointsCapFen).toBe(5000);
    expect(p.redeemPointsPerYuan).toBe(100);
  });

  it.each([
    // rate, points asked, points charged, fen off (goods ¥100, cap ¥50)
    [1, 30, 30, 3000], // 1 point = ¥1
    [1, 80, 50, 5000], // capped at ¥50: 50 points
    [100, 2014, 2014, 2014],
    [150, 1000, 999, 666], // 666.67 fen rounds down to 666, which costs 999 points
    [1000, 12_345, 12_340, 1234], // the 5 points short of a fen are not charged
    [1000, 90_000, 50_000, 5000],
  ])('at %i points per yuan, asking %i points charges %i for %i fen, split over the lines', (rate, asked, pts, off) => {
    const p = priced(
      input({
        lines: [line(0, 3000, 1), line(1, 7000, 1)],
        deliveryType: 'pickup',
        pointsRequested: asked,
        pointsBalance: asked,
        redeemPointsPerYuan: rate,
      }),
    );
    expect([p.pointsUsed, p.pointsDiscountFen]).toEqual([pts, off]);
    expect(p.payableFen).toBe(10_000 - off);
    expect(sum(p.lines.map((l) => l.pointsShareFen))).toBe(off);
    // Largest remainder by the lines' amounts: 30% and 70% of the discount.
    expect(p.lines[0]!.pointsShareFen).toBe(Math.round(off * 0.3));
  });

  it('a coupon worth more than the goods leaves ¥0.01 to pay', () => {
    const p = priced(input({ lines: [line(0, 500, 1)], deliveryType: 'pickup', coupon: coupon(10_000, () => true) }));
    expect(p.couponDiscountFen).toBe(499);
    expect(p.payableFen).toBe(MIN_PAYABLE_FEN);
  });

  it('a coupon is split over the eligible lines only', () => {
    const p = priced(
      input({ lines: [line(0, 3000, 1), line(1, 5000, 1), line(2, 2000, 1)], coupon: coupon(1000, (i) => i !== 1) }),
    );
    expect(p.lines.map((l) => l.couponShareFen)).toEqual([600, 0, 400]);
  });

  it('a coupon worth more than its eligible lines takes at most those lines (never an ineligible line, never below zero)', () => {
    // ¥50 off the even category, but the only even line costs ¥10: the odd line must not pay for it.
    const lines = [line(0, 1000, 1), line(1, 20000, 1)];
    const result = priceOrder(input({ lines, coupon: coupon(5000, (i) => i === 0) }));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.data.lines[1]!.couponShareFen).toBe(0);
    expect(result.data.lines[0]!.couponShareFen).toBeLessThanOrEqual(1000);
    expect(result.data.couponDiscountFen).toBeLessThanOrEqual(1000);
  });

  it('a coupon with no eligible line takes nothing', () => {
    const lines = [line(0, 1000, 1), line(1, 2000, 1)];
    const result = priceOrder(input({ lines, coupon: coupon(500, () => false) }));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.data.couponDiscountFen).toBe(0);
    expect(result.data.lines.map((l) => l.couponShareFen)).toEqual([0, 0]);
  });

  const cart = fc.array(
    fc.record({ price: fc.integer({ min: 1, max: 200_000 }), qty: fc.integer({ min: 1, max: 99 }) }),
    {
      minLength: 1,
      maxLength: 12,
    },
  );

  it('property: for random carts, coupons and points, the amounts always add up', () => {
    fc.assert(
      fc.property(
        cart,
        fc.integer({ min: 50, max: 100 }),
        fc.constantFrom<DeliveryType>('express', 'pickup'),
        fc.option(
          fc.record({
            fraction: fc.double({ min: 0, max: 1.2, noNaN: true }),
            mask: fc.array(fc.boolean(), { minLength: 12, maxLength: 12 }),
          }),
        ),
        fc.integer({ min: 0, max: 5_000_000 }),
        fc.integer({ min: 0, max: 5_000_000 }),
        fc.integer({ min: 0, max: 30_000 }),
        fc.oneof(fc.constantFrom(1, 100, 150, 1000), fc.integer({ min: 1, max: 10_000 })),
        (items, percent, deliveryType, couponSpec, pointsRequested, extraBalance, threshold, rate) => {
          const lines = items.map((it, i) => line(i, it.price, it.qty));
          let offer: CouponOffer | null = null;
          if (couponSpec) {
            const eligible = (i: number) => couponSpec.mask[i] ?? false;
            // A well-behaved offer: at most (a fraction above) what its eligible lines cost at member price.
            const memberTotals = lines.map(
              (l) => Math.max(1, Math.floor((l.unitPriceFen * percent + 50) / 100)) * l.qty,
            );
            const eligibleTotal = sum(memberTotals.filter((_, i) => eligible(i)));
            if (eligibleTotal > 0)
              offer = coupon(Math.min(eligibleTotal, Math.floor(eligibleTotal * couponSpec.fraction)), eligible);
          }
          const p = priced({
            lines,
            memberPricePercent: percent,
            freeShippingThresholdFen: fen(threshold),
            expressFeeFen: fen(1000),
            deliveryType,
            coupon: offer,
            pointsRequested,
            pointsBalance: pointsRequested + extraBalance,
            redeemPointsPerYuan: rate,
          });
          const amounts: Fen[] = [
            p.subtotalFen,
            p.memberDiscountFen,
            p.couponDiscountFen,
            p.pointsDiscountFen,
            p.shippingFen,
            p.payableFen,
          ];
          expect(amounts.every((a) => Number.isSafeInteger(a) && a >= 0)).toBe(true);
          expect(p.payableFen).toBeGreaterThanOrEqual(MIN_PAYABLE_FEN);
          expect(sum(p.lines.map((l) => l.payableFen))).toBe(p.payableFen - p.shippingFen);
          expect(p.payableFen + p.memberDiscountFen + p.couponDiscountFen + p.pointsDiscountFen).toBe(
            p.subtotalFen + p.shippingFen,
          );
          expect(p.discountFen).toBe(p.memberDiscountFen + p.couponDiscountFen + p.pointsDiscountFen);
          const goodsAfterCoupon = p.subtotalFen - p.memberDiscountFen - p.couponDiscountFen;
          expect(p.pointsDiscountFen).toBeLessThanOrEqual((goodsAfterCoupon * POINTS_MAX_SHARE_PERCENT) / 100);
          expect(p.pointsUsed).toBeLessThanOrEqual(pointsRequested);
          // The points charged are worth exactly the fen taken off, at the order's rate.
          expect(Math.floor((p.pointsUsed * 100) / rate)).toBe(p.pointsDiscountFen);
          if (rate === 100) expect(p.pointsDiscountFen).toBe(p.pointsUsed);
          expect(sum(p.lines.map((l) => l.couponShareFen))).toBe(p.couponDiscountFen);
          expect(sum(p.lines.map((l) => l.pointsShareFen))).toBe(p.pointsDiscountFen);
          for (const l of p.lines) {
            // The order_lines check constraint: payable = member price x qty - coupon share - points share, >= 0.
            expect(l.payableFen).toBe(l.memberPriceFen * l.qty - l.couponShareFen - l.pointsShareFen);
            expect(l.payableFen).toBeGreaterThanOrEqual(0);
            expect(l.memberPriceFen).toBeLessThanOrEqual(l.unitPriceFen);
          }
          if (offer) p.lines.forEach((l, i) => !(couponSpec!.mask[i] ?? false) && expect(l.couponShareFen).toBe(0));
          const expectShipping = deliveryType === 'express' && p.payableFen - p.shippingFen < threshold ? 1000 : 0;
          expect(p.shippingFen).toBe(expectShipping);
        },
      ),
      { numRuns: 400 },
    );
  });
});
