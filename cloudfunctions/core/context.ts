import type { Db, Executor } from './db/db';
import type { Identity, Platform } from './platform/platform';
import type { ActionInput, ActionName, Contract, Role } from './contract';
import { fail, ok, type Result } from './errors';
import type { RateLimiter } from './ratelimit';

/** Everything a call needs from its environment; built by the adapter (gateway or cloud function). */
export interface CallContext {
  db: Db;
  platform: Platform;
  identity: Identity;
  storeId: string;
  /** Injected clock: tests and the dev clock move it. */
  now: Date;
  requestId: string;
  /** The client's address as the adapter saw it (gateway: `req.ip`; cloud: CLIENTIP); null for server-side callers. */
  clientIp: string | null;
  /** Limits shared through the database; absent means no limit (direct calls in tests, timers). */
  rateLimiter?: RateLimiter | null;
}

/** The resolved caller, after the dispatcher checked the role. */
export interface Caller {
  openid: string | null;
  role: Role;
  /** Set for every role above `any` (the member is created on first call). */
  memberId: string | null;
}

/** A signed-in caller with a member row: what the use case of every action above `any` receives. */
export interface MemberCaller extends Caller {
  openid: string;
  role: Exclude<Role, 'any'>;
  memberId: string;
}

/**
 * Narrows a caller to a signed-in member; `UNAUTHENTICATED` (the not-signed-in answer) when there is
 * no openid or no member. The dispatcher passes every action above `any` through it.
 */
export function requireMember(caller: Caller): Result<MemberCaller> {
  const { openid, role, memberId } = caller;
  if (openid === null || memberId === null || role === 'any') return fail('UNAUTHENTICATED');
  return ok({ ...caller, openid, role, memberId });
}

/** The caller an action's use case receives: a member for every action whose least role is above `any`. */
export type CallerOf<N extends ActionName> = N extends ActionName
  ? Contract[N]['role'] extends 'any'
    ? Caller
    : MemberCaller
  : never;

/** What a service use case receives. `exec` is the transaction for mutating calls, else the db. */
export interface ServiceArgs<I, C extends Caller = Caller> {
  input: I;
  caller: C;
  ctx: CallContext;
  exec: Executor;
}

/** The arguments of a use case that needs the signed-in member (an action above `any`). */
export type MemberArgs<I> = ServiceArgs<I, MemberCaller>;

/** The arguments of the use case serving action `N`, its caller narrowed by the action's role. */
export type ActionArgs<N extends ActionName> = ServiceArgs<ActionInput<N>, CallerOf<N>>;
