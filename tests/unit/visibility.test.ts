// An agent sees their own team only; supervisors and admins see every team.
import { canSeeTeam, visibleTeamOf } from '../../domain/visibility';

test('an agent is limited to their team, others to none', () => {
  expect(visibleTeamOf({ role: 'agent', teamId: 'team_a' })).toBe('team_a');
  expect(visibleTeamOf({ role: 'supervisor' })).toBeUndefined();
  expect(visibleTeamOf({ role: 'admin' })).toBeUndefined();
});

test('a team is visible to its agents and to supervisors, never to an agent without a team', () => {
  expect(canSeeTeam({ role: 'agent', teamId: 'team_a' }, 'team_a')).toBe(true);
  expect(canSeeTeam({ role: 'agent', teamId: 'team_a' }, 'team_b')).toBe(false);
  expect(canSeeTeam({ role: 'agent' }, 'team_a')).toBe(false);
  expect(canSeeTeam({ role: 'agent' }, null)).toBe(false);
  expect(canSeeTeam({ role: 'supervisor' }, 'team_b')).toBe(true);
});
