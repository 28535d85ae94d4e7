import { rankAgents, remainingQuota, teamForTier, type AgentLoad } from '../../domain/assignment';

const agent = (id: string, contactsToday: number, openCases = 0, dailyContactQuota = 10): AgentLoad => ({ id, teamId: 't', dailyContactQuota, contactsToday, openCases });

describe('assignment', () => {
  test('the team is the one serving the tier', () => {
    const teams = [{ id: 'cc', tiers: ['mass'] }, { id: 'pb', tiers: ['premier'] }];
    expect(teamForTier(teams, 'premier')?.id).toBe('pb');
    expect(teamForTier(teams, 'affluent')).toBeUndefined();
  });

  test('the agent with the most quota left comes first', () => {
    expect(rankAgents([agent('a', 7), agent('b', 2), agent('c', 5)]).map((a) => a.id)).toEqual(['b', 'c', 'a']);
  });

  test('an agent at quota is not offered, exactly at the boundary', () => {
    expect(remainingQuota(agent('a', 10))).toBe(0);
    expect(rankAgents([agent('a', 10), agent('b', 9)]).map((a) => a.id)).toEqual(['b']);
    expect(rankAgents([agent('a', 12)])).toEqual([]);
  });

  test('ties go to fewer open cases, then to the id, so retries pick the same agent', () => {
    expect(rankAgents([agent('b', 3, 4), agent('a', 3, 4), agent('c', 3, 1)]).map((a) => a.id)).toEqual(['c', 'a', 'b']);
  });
});
