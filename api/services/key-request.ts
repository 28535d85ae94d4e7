// What issuing an API key takes: a role, and for an agent's key the agent (or, for a shared key, the team).
import { z } from 'zod';
import { idSchema } from '../../domain/record-fields';
import { ROLES } from '../../domain/vocabulary';

export const createKeySchema = z
  .object({
    // A person's name for a person's key (an agent key named by agentId takes the agent's name by default).
    name: z.string().trim().min(1).max(200).optional(),
    role: z.enum(ROLES),
    // Agents work one team's cases; only agent keys carry a team.
    teamId: idSchema.optional(),
    // The agent the key belongs to: what it does is attributed to that agent, and its team is the agent's.
    agentId: idSchema.optional(),
  })
  .superRefine((k, ctx) => {
    if (k.agentId !== undefined && k.role !== 'agent')
      ctx.addIssue({ code: 'custom', path: ['agentId'], message: 'only agent keys belong to an agent' });
    if (k.agentId !== undefined && k.teamId !== undefined)
      ctx.addIssue({
        code: 'custom',
        path: ['teamId'],
        message: "a key with an agentId works the agent's team; leave teamId out",
      });
    if (k.role === 'agent' && k.teamId === undefined && k.agentId === undefined)
      ctx.addIssue({
        code: 'custom',
        path: ['agentId'],
        message: 'an agent key needs an agentId (a person) or a teamId',
      });
    if (k.role !== 'agent' && k.teamId !== undefined)
      ctx.addIssue({ code: 'custom', path: ['teamId'], message: 'only agent keys take a teamId' });
    if (k.name === undefined && k.agentId === undefined)
      ctx.addIssue({ code: 'custom', path: ['name'], message: 'name the key (the person or system that holds it)' });
  });
export type CreateKeyBody = z.infer<typeof createKeySchema>;
