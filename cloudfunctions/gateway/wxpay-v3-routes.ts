import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Db } from '../core/db/db';
import type { WxpayV3Config } from '../core/config/production-config';
import { recordPayment } from '../core/payment';
import { handleRefundCallback } from '../core/payment';
import type { RefundQuery } from '../core/platform/platform';
import { platformKey } from '../core/platform/wechat/wxpay-v3/v3-crypto';
import {
  readNotification,
  toPayCallbackEvent,
  toRefundCallbackEvent,
} from '../core/platform/wechat/wxpay-v3/v3-notify';
import { PAY_NOTIFY_PATH, REFUND_NOTIFY_PATH } from '../core/platform/wechat/wxpay-v3/v3-pay';

const header = (req: FastifyRequest, name: string) => {
  const value = req.headers[name];
  return Array.isArray(value) ? value[0] : value;
};

/** What a signed v3 refund notification says, in the words of a refund query. */
function vouched(event: unknown): RefundQuery {
  const e = event as { refundStatus?: string; refundFee?: number; refundId?: string };
  const status =
    ({ SUCCESS: 'SUCCESS', REFUNDCLOSE: 'CLOSED', CHANGE: 'ABNORMAL' } as const)[e.refundStatus as 'SUCCESS'] ??
    'ABNORMAL';
  return { found: true, status, refundFee: Number(e.refundFee), refundId: e.refundId ?? null };
}

/**
 * WeChat Pay v3 notifications for a self-hosted gateway. Each is verified over its exact raw body
 * (this scope keeps JSON bodies as strings), decrypted, then handed to the same settlement code as
 * the cloud payCallback / refundCallback. Answers 204 once recorded; a refused notification answers
 * 401 and changes nothing; a failure to record answers 500 so WeChat Pay delivers it again.
 */
export function registerWxpayV3Routes(
  app: FastifyInstance,
  options: { db: Db; config: WxpayV3Config; now: () => Date },
): void {
  const keys = Object.fromEntries(
    Object.entries(options.config.platformKeys).map(([serial, pem]) => [serial, platformKey(pem)]),
  );
  void app.register(async (scope) => {
    scope.addContentTypeParser('application/json', { parseAs: 'string' }, (_req, body, done) => done(null, body));
    const route = (
      path: string,
      settle: (db: Db, event: unknown, now: Date) => Promise<{ errcode: number }>,
      toEvent: (r: Record<string, any>) => unknown,
    ) =>
      scope.post(path, async (req, reply) => {
        const now = options.now();
        const notification = readNotification(
          {
            signature: header(req, 'wechatpay-signature'),
            timestamp: header(req, 'wechatpay-timestamp'),
            nonce: header(req, 'wechatpay-nonce'),
            serial: header(req, 'wechatpay-serial'),
          },
          typeof req.body === 'string' ? req.body : '',
          { keys, apiV3Key: options.config.apiV3Key, mchid: options.config.mchid, now },
        );
        if (!notification.ok) {
          req.log.warn({ reason: notification.reason, path }, 'wxpay v3 notification refused');
          return reply.code(401).send({ code: 'FAIL', message: notification.reason });
        }
        try {
          const answer = await settle(options.db, toEvent(notification.resource), now);
          if (answer.errcode !== 0) return reply.code(500).send({ code: 'FAIL', message: 'not recorded, retry later' });
          return reply.code(204).send();
        } catch (err) {
          req.log.error({ err }, 'wxpay v3 notification not recorded');
          return reply.code(500).send({ code: 'FAIL', message: 'not recorded, retry later' });
        }
      });
    // A notification that passed the signature check is WeChat Pay's own word (signed with its platform
    // key, which nothing between can forge): it is recorded as the cloud callbacks record what
    // queryOrder / queryRefund confirmed.
    route(PAY_NOTIFY_PATH, recordPayment, toPayCallbackEvent);
    route(
      REFUND_NOTIFY_PATH,
      (db, event, now) => handleRefundCallback(db, event, now, { queryRefund: async () => vouched(event) }),
      toRefundCallbackEvent,
    );
  });
}
