import { describe, expect, it } from 'vitest';
import { joinTeamRefusal, openTeamRefusal, teamExpiry } from './campaign-rules';

const at = (iso: string) => new Date(iso);
const campaign = {
  status: 'active' as const,
  startsAt: at('2026-03-01T00:00:00Z'),
  endsAt: at('2026-03-10T00:00:00Z'),
};
const team = { status: 'open' as const, joined: 1, size: 3, expiresAt: at('2026-03-02T00:00:00Z') };

describe('group-buy campaign rules', () => {
  it('opens teams only inside the window of an active campaign', () => {
    expect(openTeamRefusal(campaign, at('2026-03-05T00:00:00Z'))).toBeNull();
    expect(openTeamRefusal(campaign, at('2026-02-28T23:59:59Z'))).toBe('GROUP_BUY_NOT_STARTED');
    expect(openTeamRefusal(campaign, at('2026-03-10T00:00:00Z'))).toBe('GROUP_BUY_ENDED');
    expect(openTeamRefusal({ ...campaign, status: 'stopped' }, at('2026-03-05T00:00:00Z'))).toBe('GROUP_BUY_STOPPED');
  });

  it('joins only an open team with an empty seat before it expires', () => {
    const now = at('2026-03-01T12:00:00Z');
    expect(joinTeamRefusal(campaign, team, now)).toBeNull();
    expect(joinTeamRefusal(campaign, { ...team, joined: 3 }, now)).toBe('GROUP_BUY_TEAM_FULL');
    expect(joinTeamRefusal(campaign, { ...team, status: 'succeeded' }, now)).toBe('GROUP_BUY_TEAM_FULL');
    expect(joinTeamRefusal(campaign, team, at('2026-03-02T00:00:00Z'))).toBe('GROUP_BUY_TEAM_EXPIRED');
    expect(joinTeamRefusal(campaign, { ...team, status: 'failed' }, now)).toBe('GROUP_BUY_TEAM_EXPIRED');
    expect(joinTeamRefusal({ ...campaign, status: 'stopped' }, team, now)).toBe('GROUP_BUY_STOPPED');
  });

  it('a team expires one window after it opened', () => {
    expect(teamExpiry(at('2026-03-01T10:00:00Z'), 24).toISOString()).toBe('2026-03-02T10:00:00.000Z');
  });
});
