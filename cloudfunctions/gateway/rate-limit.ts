import type { FastifyReply } from 'fastify';
import { fail, httpStatusOf } from '../core/errors';
import type { RateDecision } from '../core/ratelimit';

/**
 * Sets `retry-after` on a RATE_LIMITED answer from its `details.retryAfterSeconds`, so HTTP clients
 * and proxies that know the header back off without reading the envelope.
 */
export function retryAfterHeader(reply: FastifyReply, details: unknown): void {
  const seconds = (details as { retryAfterSeconds?: unknown } | undefined)?.retryAfterSeconds;
  if (typeof seconds === 'number') reply.header('retry-after', String(seconds));
}

/** 429 RATE_LIMITED with `retry-after`, when the decision refused; otherwise null (go on). */
export function refuseIfLimited(reply: FastifyReply, decision: RateDecision): FastifyReply | null {
  if (decision.ok) return null;
  const envelope = fail('RATE_LIMITED', undefined, {
    limit: decision.limit,
    retryAfterSeconds: decision.retryAfterSeconds,
  });
  retryAfterHeader(reply, envelope.error.details);
  return reply.code(httpStatusOf(envelope)).send(envelope);
}
