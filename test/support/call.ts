import { randomUUID } from 'node:crypto';
import type { Db } from '../../cloudfunctions/core/db/db';
import type { ActionInput, ActionName, ActionOutput } from '../../cloudfunctions/core/contract';
import type { Envelope } from '../../cloudfunctions/core/errors';
import { dispatch } from '../../cloudfunctions/core/dispatcher';
import type { Platform } from '../../cloudfunctions/core/platform/platform';
import { createLocalPlatform } from '../../cloudfunctions/core/platform/local/local-platform';

/**
 * Calls an action through the real dispatcher, as `openid` (null = anonymous), at `now`.
 * Integration tests use this; gateway tests go through HTTP instead.
 */
export async function callAction<N extends ActionName>(
  db: Db,
  name: N,
  data: ActionInput<N>,
  options: { openid?: string | null; now?: Date; idempotencyKey?: string; storeId?: string; platform?: Platform } = {},
): Promise<Envelope<ActionOutput<N>>> {
  const dot = name.indexOf('.');
  const [fn, action] = [name.slice(0, dot), name.slice(dot + 1)];
  const openid = options.openid === undefined ? 'test-customer' : options.openid;
  return dispatch(
    fn,
    { action, data, idempotencyKey: options.idempotencyKey },
    {
      db,
      platform: options.platform ?? createLocalPlatform({ devAuth: true, db, now: () => options.now ?? new Date() }),
      identity: openid ? { openid, source: 'dev-header' } : { openid: null, source: 'none' },
      storeId: options.storeId ?? 'demo',
      now: options.now ?? new Date(),
      requestId: randomUUID(),
      clientIp: null,
    },
  ) as Promise<Envelope<ActionOutput<N>>>;
}

/** Unwraps an ok envelope or fails the test with the error it carried. */
export function okData<T>(envelope: Envelope<T>): T {
  if (!envelope.ok) throw new Error(`expected ok, got ${envelope.error.code}: ${envelope.error.message}`);
  return envelope.data;
}
