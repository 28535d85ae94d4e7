// Assignment: the team that serves the customer's tier, a driver specialist before a generalist; then the
// agent on shift (an off-shift agent only when nobody is), with the skill the driver calls for, the most contact quota left today, fewest open cases, and id
// last so that equal agents are picked the same way on every retry.
import type { ChurnDriver, Tier } from './vocabulary';

export interface TeamCandidate {
  id: string;
  tiers: string[];
  drivers?: string[];
}

export interface AgentLoad {
  id: string;
  teamId: string;
  skills?: string[];
  dailyContactQuota: number;
  contactsToday: number;
  openCases: number;
  // Within the agent's working hours now (domain/working-hours.ts); absent: on shift.
  onShift?: boolean;
}

// The skill an agent needs to treat each churn driver well.
const DRIVER_SKILL: Record<ChurnDriver, string> = {
  product_yield: 'savings',
  service: 'complaints',
  life_event: 'lending',
  special_funds: 'investments',
};

export function teamFor(teams: TeamCandidate[], tier: Tier, driver?: ChurnDriver): TeamCandidate | undefined {
  const serving = [...teams].sort((a, b) => a.id.localeCompare(b.id)).filter((t) => t.tiers.includes(tier));
  const specialist = driver ? serving.find((t) => t.drivers?.includes(driver)) : undefined;
  return specialist ?? serving.find((t) => !t.drivers?.length);
}

export function remainingQuota(agent: AgentLoad): number {
  return Math.max(0, agent.dailyContactQuota - agent.contactsToday);
}

export function rankAgents(agents: AgentLoad[], driver?: ChurnDriver): AgentLoad[] {
  const skilled = (a: AgentLoad) => (driver && a.skills?.includes(DRIVER_SKILL[driver]) ? 0 : 1);
  const offShift = (a: AgentLoad) => (a.onShift === false ? 1 : 0);
  return agents
    .filter((a) => remainingQuota(a) > 0)
    .sort(
      (a, b) =>
        offShift(a) - offShift(b) ||
        skilled(a) - skilled(b) ||
        remainingQuota(b) - remainingQuota(a) ||
        a.openCases - b.openCases ||
        a.id.localeCompare(b.id),
    );
}
