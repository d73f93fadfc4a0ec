import type { Db, Executor } from './db/db';
import type { Identity, Platform } from './platform/platform';
import type { ActionInput, ActionName, Role } from './contract';
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

/** What a service use case receives. `exec` is the transaction for mutating calls, else the db. */
export interface ServiceArgs<I> {
  input: I;
  caller: Caller;
  ctx: CallContext;
  exec: Executor;
}

/** The arguments of the use case serving action `N`. */
export type ActionArgs<N extends ActionName> = ServiceArgs<ActionInput<N>>;
