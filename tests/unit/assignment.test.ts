import { rankAgents, remainingQuota, teamFor, type AgentLoad } from '../../domain/assignment';

const agent = (id: string, contactsToday: number, openCases = 0, dailyContactQuota = 10): AgentLoad => ({
  id,
  teamId: 't',
  dailyContactQuota,
  contactsToday,
  openCases,
});

describe('assignment', () => {
  test('the team is the one serving the tier', () => {
    const teams = [
      { id: 'cc', tiers: ['mass'] },
      { id: 'pb', tiers: ['premier'] },
    ];
    expect(teamFor(teams, 'premier')?.id).toBe('pb');
    expect(teamFor(teams, 'affluent')).toBeUndefined();
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
    expect(rankAgents([agent('b', 3, 4), agent('a', 3, 4), agent('c', 3, 1)]).map((a) => a.id)).toEqual([
      'c',
      'a',
      'b',
    ]);
  });

  test('a driver specialist team wins over the generalist team for the same tier', () => {
    const teams = [
      { id: 'cc', tiers: ['mass'], drivers: [] },
      { id: 'lending', tiers: ['mass', 'affluent'], drivers: ['life_event'] },
    ];
    expect(teamFor(teams, 'mass', 'life_event')?.id).toBe('lending');
    expect(teamFor(teams, 'mass', 'service')?.id).toBe('cc');
    expect(teamFor(teams, 'premier', 'life_event')).toBeUndefined();
  });

  test('an agent with the skill the driver calls for comes before one with more quota', () => {
    const lender = { ...agent('lender', 8), skills: ['lending'] };
    const saver = { ...agent('saver', 0), skills: ['savings'] };
    expect(rankAgents([saver, lender], 'life_event').map((a) => a.id)).toEqual(['lender', 'saver']);
    expect(rankAgents([saver, lender], 'product_yield').map((a) => a.id)).toEqual(['saver', 'lender']);
    expect(rankAgents([{ ...lender, contactsToday: 10 }, saver], 'life_event').map((a) => a.id)).toEqual(['saver']);
  });
});
