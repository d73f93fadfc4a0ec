import type { CallContext } from '../context';
import { findCampaign, findExpiredOpenTeams, findTeam } from './repo/groupbuy.repo';
import { endTeam } from './team-outcome';

const BATCH = 100;

/**
 * groupbuyTimer (every minute): a team whose window closed unfilled fails and every paid member is
 * refunded, or it succeeds as a virtual group when its campaign allows that. Each team ends in its
 * own transaction through a conditional `open -> ...` update, so timers that overlap (two replicas,
 * a slow run) end each team once and refund each member once.
 */
export async function runGroupbuyTimer(ctx: CallContext): Promise<Record<string, number>> {
  const db = ctx.db.kysely;
  const counts = { failed: 0, virtual: 0 };
  for (const { id } of await findExpiredOpenTeams(db, ctx.now, BATCH)) {
    const ended = await db.transaction().execute(async (tx) => {
      const team = await findTeam(tx, id);
      const campaign = team && (await findCampaign(tx, team.store_id, team.campaign_id));
      if (!team || !campaign) return null;
      const outcome = campaign.allow_virtual ? 'succeeded' : 'failed';
      const won = await endTeam(tx, id, outcome, { virtual: campaign.allow_virtual, now: ctx.now, onlyExpired: true });
      return won ? outcome : null;
    });
    if (ended === 'failed') counts.failed++;
    if (ended === 'succeeded') counts.virtual++;
  }
  return counts;
}
