// The playbook routes' answers (list, versions, draft, publish, dry run), as zod: the OpenAPI document is built
// from them and the dashboard's types are generated from that document.
import { z } from 'zod';

const at = z.string().describe('ISO-8601 date-time');
const definition = z
  .record(z.string(), z.unknown())
  .describe('the playbook as POST /v1/playbooks/{playbookId}/versions takes it');

export const playbookListResponse = z.object({
  items: z.array(
    z.object({
      id: z.string(),
      name: z.string().describe("the newest version's name"),
      latestVersion: z.number().int(),
      versions: z.number().int().describe('how many versions the playbook has'),
    }),
  ),
});

const playbookVersion = z.object({ version: z.number().int(), createdAt: at, definition });

export const playbookResponse = z.object({
  id: z.string(),
  name: z.string(),
  versions: z.array(playbookVersion).describe('oldest first; the last is the current one'),
});

export const addedVersionResponse = playbookVersion.extend({ id: z.string() });

export const draftResponse = z.object({
  playbookId: z.string(),
  basedOnVersion: z.number().int().nullable().describe('the version the draft started from; null for a new playbook'),
  definition: z.record(z.string(), z.unknown()).describe('the playbook as edited, valid or not'),
  updatedBy: z.string(),
  createdAt: at,
  updatedAt: at,
  valid: z.boolean().describe('publishable: no field at fault'),
  issues: z
    .array(z.object({ field: z.string().describe('dotted path, e.g. contact.maxAttempts'), message: z.string() }))
    .describe('every field at fault'),
});

export const publishedResponse = addedVersionResponse.extend({
  name: z.string(),
  basedOnVersion: z.number().int().nullable(),
});
