import { LEASE_MS as OUTBOX_LEASE_MS } from '../outbox/outbox-worker';

/**
 * How long a timer's lease lasts without renewal: how long a frozen or vanished holder can keep the
 * timer from running. Longer than the function's timeout (WeChat allows at most 60 s; the gateway
 * renews while a run lasts), so a live run is never taken over.
 */
const DEFAULT_LEASE_MS = 5 * 60_000;

const LEASE_MS: Readonly<Record<string, number>> = {
  // As long as a message's claim: a frozen worker's timer and the messages it claimed come free
  // together, and the worker that takes over retries them on its first run.
  outboxWorker: OUTBOX_LEASE_MS,
};

export function timerLeaseMs(timer: string): number {
  return LEASE_MS[timer] ?? DEFAULT_LEASE_MS;
}
