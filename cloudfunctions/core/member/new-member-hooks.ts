import type { Executor } from '../db/db';

/**
 * What another context does for a member the moment they are created, in the transaction that
 * creates them (the new-member gift is coupon's). Registered by the composition root
 * (core/plugins.ts), so member depends on no context above it.
 */
export type NewMemberHook = (
  tx: Executor,
  member: { storeId: string; memberId: string; now: Date },
) => Promise<unknown>;

const hooks: NewMemberHook[] = [];

/** Registers a hook; answers the function that takes it out again. */
export function onNewMember(hook: NewMemberHook): () => void {
  if (!hooks.includes(hook)) hooks.push(hook);
  return () => void hooks.splice(hooks.indexOf(hook), 1);
}

export async function runNewMemberHooks(
  tx: Executor,
  member: { storeId: string; memberId: string; now: Date },
): Promise<void> {
  for (const hook of hooks) await hook(tx, member);
}
