// Who is calling: the API key's holder and role (and, for agents, their team and the person). Every service
// that records who did something takes one; the API builds it from the key, the commands from the operator.
import type { Role } from '../../domain/vocabulary';

export interface Principal {
  keyId: string;
  name: string;
  role: Role;
  teamId?: string;
  // The agent the key belongs to (a person's key): contacts it records count as that agent's.
  agentId?: string;
}

// Who did it, as the timeline and the audit log show it: the key's role and name (a person's name for a
// person's key). Never taken from a request body.
export const actorName = (p: Principal) => `${p.role}:${p.name}`;
