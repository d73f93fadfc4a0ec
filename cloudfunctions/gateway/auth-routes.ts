import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { fail, httpStatusOf } from '../core/errors';
import type { Fetch } from '../core/platform/wechat/http-fetch';
import { code2session } from './code2session';
import type { Db } from '../core/db/db';
import type { RateLimiter } from '../core/ratelimit';
import { refuseIfLimited } from './rate-limit';
import { signSession } from './session-token';

export interface AuthOptions {
  appid: string;
  appSecret: string;
  sessionSecret: string;
  sessionTtlSeconds: number;
  fetch: Fetch;
  now: () => Date;
  /** Holds the login counters, shared by every replica. */
  db: Db;
  /** Per client IP, checked before anything else so a flood never reaches code2session. */
  limiter: RateLimiter | null;
}

const loginBody = z
  .object({
    code: z
      .string()
      .min(1)
      .max(128)
      .regex(/^[A-Za-z0-9_-]+$/),
  })
  .strict();

/**
 * `POST /api/auth/login { code }`: the code from `wx.login` is traded for the openid through
 * code2session, and answered with a signed, expiring session token. No session is stored: every
 * replica sharing SESSION_SECRET accepts the token (see session-token.ts).
 */
export function registerAuthRoutes(app: FastifyInstance, options: AuthOptions): void {
  app.post('/api/auth/login', async (req, reply) => {
    const refused =
      options.limiter && refuseIfLimited(reply, await options.limiter.checkLogin(options.db.kysely, req.ip));
    if (refused) return refused;
    const body = loginBody.safeParse(req.body);
    if (!body.success) return reply.code(400).send(fail('VALIDATION_FAILED', '登录凭证格式有误'));
    const session = await code2session(options.fetch, options.appid, options.appSecret, body.data.code);
    if (!session.ok) {
      req.log.warn({ errcode: session.errcode, reason: session.reason }, 'code2session refused');
      const envelope = session.retryable
        ? fail('UPSTREAM_UNAVAILABLE', undefined, { errcode: session.errcode })
        : fail('UNAUTHENTICATED', '登录失败，请重试', { errcode: session.errcode });
      return reply.code(httpStatusOf(envelope)).send(envelope);
    }
    const { token, expiresAt } = signSession(
      options.sessionSecret,
      session.openid,
      options.now(),
      options.sessionTtlSeconds,
    );
    return { ok: true, data: { token, expiresAt } };
  });
}
