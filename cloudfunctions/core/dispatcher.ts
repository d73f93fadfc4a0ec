import { z } from 'zod';
import { contract, ROLES, type ActionName, type ActionSpec, type Role } from './contract';
import { requireMember, type CallContext, type Caller } from './context';
import { fail, type Envelope } from './errors';
import { handlers, type Handler } from './handlers';
import { withIdempotency } from './idempotency/idempotency';
import './plugins';
import { ensureMember } from './member';
import { findCaller } from './member';
import { pathOfUnstorableText } from './shared/storable-text';
import { resolveMediaFields } from './platform/media/resolve-media';

/** The deployed functions: the prefixes of the contract's action names. */
export const FUNCTION_NAMES: readonly string[] = [...new Set(Object.keys(contract).map((n) => n.split('.')[0]!))];

const callBody = z
  .object({
    action: z.string().min(1).max(80),
    data: z.unknown().optional(),
    idempotencyKey: z
      .string()
      .min(8)
      .max(128)
      .regex(/^[A-Za-z0-9_.:-]+$/)
      .optional(),
  })
  .passthrough();

function rank(role: Role): number {
  return ROLES.indexOf(role);
}

function zodDetails(error: z.ZodError) {
  return { issues: error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })) };
}

/**
 * The one call path: look the action up in the contract, validate its data, check the caller's
 * role and the rate limit, run one use case, answer an envelope. Nothing is written before the role
 * check passes, and nothing but the rate-limit counter before the rate limit passes.
 */
export async function dispatch(fn: string, body: unknown, ctx: CallContext): Promise<Envelope<unknown>> {
  if (!FUNCTION_NAMES.includes(fn)) return fail('UNKNOWN_FUNCTION', undefined, { function: fn });
  const call = callBody.safeParse(body);
  if (!call.success) return fail('VALIDATION_FAILED', undefined, zodDetails(call.error));
  const { action, data, idempotencyKey } = call.data;
  // `address.list` sent to `member` is `member.address.list`; an action naming its function (`member.me`) is whole.
  const qualified = `${fn}.${action}`;
  const name = (Object.hasOwn(contract, qualified) || !action.includes('.') ? qualified : action) as ActionName;
  if (!name.startsWith(`${fn}.`) || !Object.hasOwn(contract, name)) {
    return fail('UNKNOWN_ACTION', undefined, { function: fn, action });
  }
  const spec = contract[name] as ActionSpec;
  const input = spec.input.safeParse(data ?? {});
  if (!input.success) return fail('VALIDATION_FAILED', undefined, zodDetails(input.error));
  const nul = pathOfUnstorableText(input.data);
  if (nul !== null)
    return fail('VALIDATION_FAILED', undefined, {
      issues: [{ path: nul, message: 'text must not contain NUL or unpaired surrogates' }],
    });

  const openid = ctx.identity.openid;
  if (spec.role !== 'any' && !openid) return fail('UNAUTHENTICATED');
  if (spec.mutating && !idempotencyKey) return fail('IDEMPOTENCY_KEY_REQUIRED');

  const exec = ctx.db.kysely;
  const known = openid ? await findCaller(exec, ctx.storeId, openid) : null;
  const role: Role = openid ? (known?.role ?? 'customer') : 'any';
  if (rank(role) < rank(spec.role)) return fail('FORBIDDEN', undefined, { required: spec.role });

  // Before the first write (even the member row), outside the action's transaction: a refused call
  // writes only its counter, and a call that rolls back later has still spent its budget.
  const policy = ctx.rateLimiter?.policyFor(name, spec.mutating === true);
  if (policy) {
    const decision = await ctx.rateLimiter!.check(exec, policy, openid, ctx.clientIp);
    if (!decision.ok)
      return fail('RATE_LIMITED', undefined, { limit: decision.limit, retryAfterSeconds: decision.retryAfterSeconds });
  }

  // The explicit registration step: a signed-in caller's first call that needs a member creates it,
  // with its new-member gift, in a transaction of its own; never for anonymous browsing.
  const memberId =
    spec.role === 'any' || !openid
      ? null
      : (known?.member_id ?? (await ensureMember(exec, ctx.storeId, openid, ctx.now)).id);
  // The use case of an action above `any` is typed to receive the member (MemberCaller): narrow here.
  const member = spec.role === 'any' ? null : requireMember({ openid, role, memberId });
  if (member && !member.ok) return member;
  const caller: Caller = member ? member.data : { openid, role, memberId };
  const handler = handlers[name] as Handler<ActionName>;

  if (spec.mutating) {
    const scope = `${ctx.storeId}:${memberId ?? openid}:${name}`;
    const { replayed: _replayed, ...result } = await withIdempotency(
      ctx.db.kysely,
      { scope, key: idempotencyKey!, payload: input.data },
      (tx) => handler({ input: input.data as never, caller, ctx, exec: tx }),
    );
    return withMediaUrls(result, ctx);
  }
  return withMediaUrls(await handler({ input: input.data as never, caller, ctx, exec }), ctx);
}

/** Stored image ids in a successful answer become URLs the client can load (after any idempotent store). */
async function withMediaUrls(envelope: Envelope<unknown>, ctx: CallContext): Promise<Envelope<unknown>> {
  if (!envelope.ok) return envelope;
  return { ...envelope, data: await resolveMediaFields(envelope.data, ctx.platform.storage) };
}
