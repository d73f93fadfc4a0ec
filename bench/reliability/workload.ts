/**
 * The mixed workload of the crash test and the soak: concurrent clients call the real
 * gateway over HTTP the way the mini program and WeChat Pay would. A request cut off by a crash is
 * unacknowledged and retried, with the same idempotency key (or the same WeChat transaction id),
 * once the gateway is back. What the clients saw succeed is kept in `acks` for the durability check.
 */
import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import type { GatewayProcess } from './gateway-process';

export const OP_KINDS = [
  'browse',
  'create',
  'pay',
  'groupbuy',
  'claim',
  'refund',
  'award',
  'redeem',
  'ship',
  'invite',
  'restock',
  'cancel',
  'timer',
] as const;
export type OpKind = (typeof OP_KINDS)[number];

/** Relative frequencies of the operations a client picks. */
const WEIGHTS: Record<OpKind, number> = {
  browse: 22,
  create: 20,
  pay: 18,
  groupbuy: 9,
  claim: 7,
  refund: 6,
  award: 6,
  redeem: 3,
  ship: 4,
  invite: 3,
  restock: 2,
  cancel: 3,
  timer: 2,
};
const MANAGER = 'demo-manager';
const STAFF = 'demo-staff';
const ADDRESS = {
  name: '压测',
  phone: '13800138000',
  province: '上海市',
  city: '上海市',
  district: '浦东新区',
  detail: '世纪大道 1 号',
};

export interface AckedOrder {
  orderId: string;
  orderNo: string;
  payableFen: number;
  openid: string;
  groupBuy: boolean;
  paid: boolean;
  cancelled: boolean;
  refundRequested: boolean;
  express: boolean;
  shipped: boolean;
  /** WeChat transactions whose callback was acknowledged: the money must be on record. */
  transactions: string[];
}

/** Everything a client saw succeed. */
export interface Acks {
  orders: Map<string, AckedOrder>;
  coupons: Array<{ couponId: string; openid: string }>;
  awards: Array<{ receiptNo: string; pointsAwarded: number }>;
  refunds: Array<{ refundId: string; orderId: string; approved: boolean }>;
  restocks: number;
  /** Friends bound to an inviter (referral.attribute answered bound). */
  invites: number;
}

export interface WorkloadStats {
  attempted: Record<OpKind, number>;
  acknowledged: Record<OpKind, number>;
  /** Business refusals (4xx with a stable code), by code: expected under load (sold out, limits...). */
  refused: Record<string, number>;
  /** The first refusal of each code: what was asked and what came back (to tell load from a bad request). */
  refusalSamples: Record<string, string>;
  /** Requests cut off by a crash (connection refused/reset) and retried. */
  interrupted: number;
  /** Requests never answered after every retry. */
  lost: number;
  /** 5xx answers: bugs. */
  errors: string[];
  /** Milliseconds per answered HTTP request. */
  latencies: number[];
  /** Completed operations so far (the soak reads it per interval). */
  completed: number;
}

interface Sku {
  skuId: string;
  productId: string;
  fulfilment: Array<'express' | 'pickup'>;
}
interface Campaign {
  campaignId: string;
  skuId: string;
  deliveryOptions: Array<'express' | 'pickup'>;
}

type Answer = { status: number; body: any };

const zero = () => Object.fromEntries(OP_KINDS.map((k) => [k, 0])) as Record<OpKind, number>;

export class Workload {
  readonly acks: Acks = { orders: new Map(), coupons: [], awards: [], refunds: [], restocks: 0, invites: 0 };
  readonly stats: WorkloadStats = {
    attempted: zero(),
    acknowledged: zero(),
    refused: {},
    refusalSamples: {},
    interrupted: 0,
    lost: 0,
    errors: [],
    latencies: [],
    completed: 0,
  };
  private stopping = false;
  private running: Promise<void>[] = [];
  private skus: Sku[] = [];
  private campaigns: Campaign[] = [];
  private templates: string[] = [];
  private receiptSeq = 0;
  private readonly run = randomUUID().slice(0, 6);

  constructor(private readonly gateway: GatewayProcess) {}

  /** Reads the catalog, campaigns and claimable coupons the clients will use. */
  async prepare(): Promise<void> {
    const products = await this.ok('catalog', 'listProducts', { limit: 50 }, null);
    for (const p of products.items as Array<{ id: string }>) {
      const product = await this.ok('catalog', 'getProduct', { productId: p.id }, null);
      for (const s of product.skus as Array<{ id: string }>)
        this.skus.push({ skuId: s.id, productId: p.id, fulfilment: product.fulfilment });
    }
    const campaigns = await this.ok('groupbuy', 'listCampaigns', {}, null);
    this.campaigns = (campaigns.items as Campaign[]).map((c) => ({
      campaignId: c.campaignId,
      skuId: c.skuId,
      deliveryOptions: c.deliveryOptions,
    }));
    const claimable = await this.ok('coupon', 'listClaimable', {}, null);
    this.templates = (claimable.items as Array<{ templateId: string }>).map((t) => t.templateId);
  }

  /** Starts `clients` concurrent clients; they run until `stop()`. */
  start(clients: number): void {
    for (let i = 0; i < clients; i++) this.running.push(this.client(i));
  }

  async stop(): Promise<void> {
    this.stopping = true;
    await Promise.all(this.running);
  }

  /**
   * After the drain: the manager refunds up to `limit` settled orders (points and referral rewards
   * are reversed) with `manager.refundOrder`, 4 at a time.
   */
  async refundAfterSettlement(limit: number): Promise<void> {
    const queue = [...this.acks.orders.values()].filter((o) => o.paid && !o.cancelled && !o.refundRequested);
    let refunded = 0;
    const worker = async () => {
      for (let order = queue.shift(); order && refunded < limit; order = queue.shift()) {
        const view = await this.call('order', 'get', { orderId: order.orderId }, order.openid);
        if (view.body?.data?.status !== 'settled') continue;
        refunded++;
        this.stats.attempted.refund++;
        order.refundRequested = true;
        const answer = await this.call(
          'manager',
          'refundOrder',
          { orderId: order.orderId, reason: '售后补偿' },
          MANAGER,
          key(),
        );
        if (answer.status !== 200) continue;
        this.stats.acknowledged.refund++;
        this.acks.refunds.push({ refundId: answer.body.data.refundId, orderId: order.orderId, approved: true });
      }
    };
    await Promise.all([worker(), worker(), worker(), worker()]);
  }

  private async client(index: number): Promise<void> {
    const mine: AckedOrder[] = [];
    let member = 0;
    for (let n = 0; !this.stopping; n++) {
      if (n % 12 === 0) member++;
      const openid = `rel-${this.run}-c${index}-m${member}`;
      // A new member's first act is sometimes opening the previous member's invite card.
      const kind = n % 12 === 0 && member > 1 && Math.random() < 0.6 ? 'invite' : pick();
      const inviter = `rel-${this.run}-c${index}-m${member - 1}`;
      const outcome = await this.operate(kind, openid, mine, inviter);
      if (outcome === null) continue;
      this.stats.attempted[kind]++;
      if (outcome) this.stats.acknowledged[kind]++;
      this.stats.completed++;
    }
  }

  /** One operation; true when the client saw it succeed, null when it had nothing to act on. */
  private async operate(kind: OpKind, openid: string, mine: AckedOrder[], inviter: string): Promise<boolean | null> {
    switch (kind) {
      case 'browse': {
        const sku = any(this.skus);
        const which = Math.random();
        if (which < 0.3) return (await this.call('catalog', 'home', {}, openid)).status === 200;
        if (which < 0.6) return (await this.call('catalog', 'listProducts', { limit: 20 }, openid)).status === 200;
        if (which < 0.9)
          return (await this.call('catalog', 'getProduct', { productId: sku.productId }, openid)).status === 200;
        return (await this.call('groupbuy', 'listCampaigns', {}, openid)).status === 200;
      }
      case 'create': {
        const picked = [any(this.skus)];
        if (Math.random() < 0.3) picked.push(any(this.skus));
        const unique = picked.filter((it, i) => picked.findIndex((o) => o.skuId === it.skuId) === i);
        const can = (type: 'express' | 'pickup') => unique.every((sku) => sku.fulfilment.includes(type));
        if (!can('express') && !can('pickup')) unique.splice(1);
        const pickup = can('pickup') && (!can('express') || Math.random() < 0.4);
        const delivery = pickup ? { type: 'pickup' } : { type: 'express', address: ADDRESS };
        return this.createOrder(
          openid,
          mine,
          { items: unique.map((sku) => ({ skuId: sku.skuId, qty: 1 })), delivery },
          false,
        );
      }
      case 'pay': {
        const again = mine.filter((o) => o.paid);
        if (again.length && Math.random() < 0.15) return this.pay(any(again), false);
        const due = mine.filter((o) => !o.paid && !o.cancelled);
        if (!due.length) return null;
        return this.pay(any(due), Math.random() < 0.3);
      }
      case 'groupbuy': {
        if (!this.campaigns.length) return null;
        const campaign = any(this.campaigns);
        const view = await this.call('groupbuy', 'getCampaign', { campaignId: campaign.campaignId }, openid);
        const teams = (view.body?.data?.teams ?? []) as Array<{ teamId: string }>;
        const groupBuy =
          teams.length && Math.random() < 0.7
            ? { campaignId: campaign.campaignId, teamId: any(teams).teamId }
            : { campaignId: campaign.campaignId };
        const type = campaign.deliveryOptions.includes('pickup') ? 'pickup' : 'express';
        const delivery = type === 'pickup' ? { type } : { type, address: ADDRESS };
        if (
          !(await this.createOrder(
            openid,
            mine,
            { items: [{ skuId: campaign.skuId, qty: 1 }], delivery, groupBuy },
            true,
          ))
        )
          return false;
        await this.pay(mine[mine.length - 1]!, false);
        return true;
      }
      case 'claim': {
        if (!this.templates.length) return null;
        const answer = await this.call('member', 'claimCoupon', { templateId: any(this.templates) }, openid, key());
        if (answer.status !== 200) return false;
        this.acks.coupons.push({ couponId: answer.body.data.couponId, openid });
        return true;
      }
      case 'refund': {
        const refundable = mine.filter((o) => o.paid && !o.groupBuy && !o.refundRequested);
        if (!refundable.length) return null;
        const order = any(refundable);
        const requested = await this.call(
          'order',
          'requestRefund',
          { orderId: order.orderId, reason: '压测退款' },
          order.openid,
          key(),
        );
        if (requested.status !== 200) return false;
        order.refundRequested = true;
        const refund = { refundId: requested.body.data.refundId as string, orderId: order.orderId, approved: false };
        this.acks.refunds.push(refund);
        const approved = await this.call('manager', 'approveRefund', { refundId: refund.refundId }, MANAGER, key());
        refund.approved = approved.status === 200;
        return refund.approved;
      }
      case 'award': {
        const code = await this.call('member', 'memberCode', {}, openid);
        if (code.status !== 200) return false;
        const receiptNo = `RL${this.run}-${++this.receiptSeq}`;
        const amountFen = 1_000 + Math.floor(Math.random() * 50_000);
        const answer = await this.call(
          'staff',
          'awardPoints',
          { code: code.body.data.code, amountFen, receiptNo },
          STAFF,
          key(),
        );
        if (answer.status !== 200) return false;
        this.acks.awards.push({ receiptNo, pointsAwarded: answer.body.data.pointsAwarded });
        return true;
      }
      case 'redeem': {
        // The member shows a coupon at the counter while checking out with it online: one use wins.
        const held = this.acks.coupons.filter((c) => c.openid === openid);
        if (!held.length) return null;
        const { couponId } = any(held);
        const code = await this.call('member', 'memberCode', {}, openid);
        if (code.status !== 200) return false;
        const sku = any(this.skus.filter((s) => s.fulfilment.includes('express')));
        const [redeemed] = await Promise.all([
          this.call('staff', 'redeemCoupon', { code: code.body.data.code, couponId }, STAFF, key()),
          this.createOrder(
            openid,
            mine,
            { items: [{ skuId: sku.skuId, qty: 1 }], couponId, delivery: { type: 'express', address: ADDRESS } },
            false,
          ),
        ]);
        return redeemed.status === 200;
      }
      case 'ship': {
        const shippable = mine.filter((o) => o.paid && o.express && !o.groupBuy && !o.refundRequested && !o.shipped);
        if (!shippable.length) return null;
        const order = any(shippable);
        const answer = await this.call(
          'manager',
          'shipOrder',
          { orderId: order.orderId, carrier: '顺丰速运', trackingNo: `SF${order.orderNo.slice(-12)}` },
          MANAGER,
          key(),
        );
        order.shipped = answer.status === 200;
        return order.shipped;
      }
      case 'invite': {
        const me = await this.call('member', 'me', {}, inviter);
        if (me.status !== 200) return false;
        const answer = await this.call('referral', 'attribute', { inviteCode: me.body.data.inviteCode }, openid, key());
        if (answer.status === 200 && answer.body.data.bound) this.acks.invites++;
        return answer.status === 200 && answer.body.data.bound === true;
      }
      case 'restock': {
        const sku = any(this.skus);
        const product = await this.call('catalog', 'getProduct', { productId: sku.productId }, null);
        const stock = (product.body?.data?.skus as Array<{ id: string; stock: number }> | undefined)?.find(
          (s) => s.id === sku.skuId,
        )?.stock;
        if (stock === undefined) return false;
        const answer = await this.call(
          'manager',
          'updateSku',
          { skuId: sku.skuId, stock: { from: stock, to: stock + 50 } },
          MANAGER,
          key(),
        );
        if (answer.status === 200) this.acks.restocks++;
        return answer.status === 200;
      }
      case 'cancel': {
        const pending = mine.filter((o) => !o.paid && !o.cancelled);
        if (!pending.length) return null;
        const order = any(pending);
        // Never paid after this: a payment for a cancelled order is refunded, not kept.
        order.cancelled = true;
        // Sometimes the customer cancels while WeChat's payment callback arrives: one of them wins.
        const race = Math.random() < 0.3;
        const [answer, paid] = await Promise.all([
          this.call('order', 'cancel', { orderId: order.orderId }, order.openid, key()),
          race ? this.pay(order, false) : Promise.resolve(false),
        ]);
        const cancelled = answer.status === 200;
        // A payment acknowledged after the cancel won is on record and refunded, the order stays cancelled.
        const acked = this.acks.orders.get(order.orderId)!;
        acked.cancelled = cancelled;
        if (!cancelled && paid) {
          order.cancelled = false;
          order.paid = acked.paid = true;
        }
        return cancelled || paid;
      }
      case 'timer': {
        const timer = any(['orderTimer', 'groupbuyTimer', 'outboxWorker']);
        return (await this.request(`/api/dev/run-timer/${timer}`, {}, null)).status === 200;
      }
    }
  }

  private async createOrder(
    openid: string,
    mine: AckedOrder[],
    input: Record<string, unknown>,
    groupBuy: boolean,
  ): Promise<boolean> {
    const answer = await this.call('order', 'create', input, openid, key());
    if (answer.status !== 200) return false;
    const d = answer.body.data;
    const express = (input.delivery as { type: string }).type === 'express';
    const order: AckedOrder = {
      orderId: d.orderId,
      orderNo: d.orderNo,
      payableFen: d.payableFen,
      openid,
      groupBuy,
      paid: false,
      cancelled: false,
      refundRequested: false,
      express,
      shipped: false,
      transactions: [],
    };
    mine.push(order);
    this.acks.orders.set(order.orderId, { ...order });
    return true;
  }

  /** WeChat Pay's callback for the order; `duplicate` delivers it twice at once, as WeChat may (or a second payment). */
  private async pay(order: AckedOrder, duplicate: boolean): Promise<boolean> {
    const event = {
      returnCode: 'SUCCESS',
      resultCode: 'SUCCESS',
      outTradeNo: order.orderNo,
      transactionId: `4200${order.orderNo}`.slice(0, 64),
      totalFee: order.payableFen,
      timeEnd: '20260302100100',
    };
    // Now and then the second delivery is a second payment (the customer paid twice): kept once, the other refunded.
    const second = Math.random() < 0.2 ? { ...event, transactionId: `4201${order.orderNo}`.slice(0, 64) } : event;
    const events = duplicate ? [event, second] : [event];
    const answers = await Promise.all(events.map((e) => this.request('/api/dev/pay-callback', e, null)));
    const recorded = events.filter(
      (_, i) =>
        answers[i]!.status === 200 &&
        answers[i]!.body?.errcode === 0 &&
        String(answers[i]!.body?.errmsg).startsWith('ok'),
    );
    if (recorded.length) {
      const acked = this.acks.orders.get(order.orderId)!;
      acked.transactions.push(...recorded.map((e) => e.transactionId));
      if (!order.cancelled) {
        order.paid = true;
        acked.paid = true;
      }
    }
    return recorded.length > 0;
  }

  private call(
    fn: string,
    action: string,
    data: unknown,
    openid: string | null,
    idempotencyKey?: string,
  ): Promise<Answer> {
    return this.request(`/api/fn/${fn}`, { action, data, ...(idempotencyKey ? { idempotencyKey } : {}) }, openid);
  }

  private async ok(fn: string, action: string, data: unknown, openid: string | null): Promise<any> {
    const answer = await this.call(fn, action, data, openid);
    if (answer.status !== 200)
      throw new Error(`${fn}.${action} answered ${answer.status}: ${JSON.stringify(answer.body)}`);
    return answer.body.data;
  }

  /**
   * One HTTP request, repeated unchanged (same body, so the same idempotency key or transaction id)
   * while the gateway is unreachable: a crash leaves the client not knowing, so it asks again.
   */
  private async request(path: string, body: unknown, openid: string | null): Promise<Answer> {
    for (let attempt = 0; attempt < 40; attempt++) {
      const started = performance.now();
      try {
        const res = await fetch(`${this.gateway.url}${path}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', ...(openid ? { 'x-dev-openid': openid } : {}) },
          body: JSON.stringify(body),
          signal: AbortSignal.timeout(30_000),
        });
        const parsed = await res.json().catch(() => null);
        this.stats.latencies.push(performance.now() - started);
        if (res.status >= 500)
          this.stats.errors.push(
            `${path} ${JSON.stringify(body).slice(0, 160)} -> ${res.status} ${JSON.stringify(parsed).slice(0, 200)}`,
          );
        else if (res.status !== 200) {
          const code = String(parsed?.error?.code ?? res.status);
          this.stats.refused[code] = (this.stats.refused[code] ?? 0) + 1;
          this.stats.refusalSamples[code] ??=
            `${path} ${JSON.stringify(body).slice(0, 200)} -> ${JSON.stringify(parsed?.error).slice(0, 300)}`;
        }
        return { status: res.status, body: parsed };
      } catch {
        this.stats.interrupted++;
        await this.gateway.whenUp().catch(() => undefined);
        await sleep(50 + attempt * 25);
      }
    }
    this.stats.lost++;
    return { status: 0, body: null };
  }
}

function pick(): OpKind {
  const total = OP_KINDS.reduce((sum, k) => sum + WEIGHTS[k], 0);
  let roll = Math.random() * total;
  for (const k of OP_KINDS) {
    roll -= WEIGHTS[k];
    if (roll < 0) return k;
  }
  return 'browse';
}

function any<T>(items: readonly T[]): T {
  return items[Math.floor(Math.random() * items.length)]!;
}

const key = () => `rel-${randomUUID()}`;
