// Refusals about the bank's teams and agents and the API keys issued to them.
import { refusal } from './domain-error';

export const teamNotFound = refusal<{ teamId: string }>(
  'not_found',
  'team_not_found',
  (p) => `no team with id ${p.teamId}`,
);

// A provisioning file's agent names a team the file does not create and the database does not hold.
const teamMissing = refusal<{ agentId: string; teamId: string }>(
  'invalid',
  'team_not_found',
  (p) => `agent ${p.agentId} names team ${p.teamId}, which does not exist (add it under teams)`,
);
export const agentTeamMissing = (agentId: string, teamId: string) =>
  teamMissing({ agentId, teamId }, { details: [{ path: `agents.${agentId}.teamId` }] });

export const agentNotFound = refusal<{ agentId: string }>(
  'not_found',
  'agent_not_found',
  (p) => `no agent with id ${p.agentId}`,
);

// A key for an agent who has left the team (or not started).
export const agentInactiveForKey = refusal<{ agentId: string }>(
  'conflict',
  'agent_inactive',
  (p) => `agent ${p.agentId} is not active; activate the agent before issuing a key for them`,
);

// A case given to an agent who is not active.
export const agentInactive = refusal<{ agentId: string }>(
  'unprocessable',
  'agent_inactive',
  (p) => `agent ${p.agentId} is not active; choose an active agent`,
);

export const keyNotFound = refusal<{ keyId: string }>(
  'not_found',
  'key_not_found',
  (p) => `no API key with id ${p.keyId}`,
);

export const keyAlreadyRevoked = refusal<{ keyId: string; revokedAt: string }>(
  'conflict',
  'key_already_revoked',
  (p) => `key ${p.keyId} was revoked at ${p.revokedAt}`,
);
