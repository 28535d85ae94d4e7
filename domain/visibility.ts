// Who sees what: an agent sees only their own team's cases and team; supervisors and admins see all. Anything
// out of sight answers "not found", so ids of other teams do not leak.
import type { Role } from './vocabulary';

export interface Viewer {
  role: Role;
  teamId?: string;
}

// An agent key without a team (none are issued so, but a row could be edited) sees no team at all.
const NO_TEAM = '__no_team__';

// The only team whose cases the viewer may see; undefined: every team.
export function visibleTeamOf(viewer: Viewer): string | undefined {
  return viewer.role === 'agent' ? (viewer.teamId ?? NO_TEAM) : undefined;
}

export function canSeeTeam(viewer: Viewer, teamId: string | null | undefined): boolean {
  const only = visibleTeamOf(viewer);
  return only === undefined || only === teamId;
}
