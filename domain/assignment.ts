// Assignment: the team that serves the customer's tier, then the agent with the most contact quota left
// today, fewest open cases next, and id last so that equal agents are picked the same way on every retry.
import type { Tier } from './vocabulary';

export interface TeamCandidate {
  id: string;
  tiers: string[];
}

export interface AgentLoad {
  id: string;
  teamId: string;
  dailyContactQuota: number;
  contactsToday: number;
  openCases: number;
}

export function teamForTier(teams: TeamCandidate[], tier: Tier): TeamCandidate | undefined {
  return [...teams].sort((a, b) => a.id.localeCompare(b.id)).find((t) => t.tiers.includes(tier));
}

export function remainingQuota(agent: AgentLoad): number {
  return Math.max(0, agent.dailyContactQuota - agent.contactsToday);
}

export function rankAgents(agents: AgentLoad[]): AgentLoad[] {
  return agents
    .filter((a) => remainingQuota(a) > 0)
    .sort(
      (a, b) =>
        remainingQuota(b) - remainingQuota(a) || a.openCases - b.openCases || a.id.localeCompare(b.id),
    );
}
