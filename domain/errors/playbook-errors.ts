// Refusals about playbooks, their versions and drafts, and the churn reasons a case closes with.
import { refusal } from './domain-error';

// GET /v1/playbooks/:id of a playbook that has no version.
export const playbookNotFound = refusal<{ playbookId: string }>(
  'not_found',
  'playbook_not_found',
  (p) => `no playbook with id ${p.playbookId}`,
);

// A playbook a request names that does not exist: unprocessable when a body names it (a signal's or a case's
// playbook), not found when it is what the request addresses (an experiment of a playbook).
const unknownPlaybook = refusal<{ playbookId: string }>(
  'unprocessable',
  'playbook_not_found',
  (p) => `no playbook with id ${p.playbookId}; GET /v1/playbooks lists them`,
);
export const playbookUnknown = (playbookId: string) => unknownPlaybook({ playbookId });
const missing = refusal<{ playbookId: string }>(
  'not_found',
  'playbook_not_found',
  (p) => `no playbook with id ${p.playbookId}; GET /v1/playbooks lists them`,
);
export const playbookMissing = (playbookId: string) => missing({ playbookId });

// No playbook applies to the customer, and the default one the bank must keep is missing.
export const defaultPlaybookMissing = refusal<{ defaultPlaybookId: string }>(
  'unprocessable',
  'playbook_not_found',
  (p) =>
    `no playbook applies to this customer and "${p.defaultPlaybookId}" is missing; post one with POST /v1/playbooks/${p.defaultPlaybookId}/versions`,
);

// A version addressed by the request (a draft started from it, a dry run of it).
export const versionNotFound = refusal<{ playbookId: string; version: number }>(
  'not_found',
  'version_not_found',
  (p) => `playbook ${p.playbookId} has no version ${p.version}; GET /v1/playbooks/${p.playbookId} lists its versions`,
);

// Two versions written at once: one of the writers is told to read and try again.
export const versionConflict = refusal<{ playbookId: string; action: 'create' | 'publish' }>(
  'conflict',
  'version_conflict',
  (p) =>
    `another version of this playbook was created at the same time; read it and ${p.action === 'publish' ? 'publish' : 'try'} again`,
);

export const draftNotFound = refusal<{ playbookId: string }>(
  'not_found',
  'draft_not_found',
  (p) => `playbook ${p.playbookId} has no draft; create one with PUT /v1/playbooks/${p.playbookId}/draft`,
);

export const nothingToSave = refusal<Record<string, never>>(
  'invalid',
  'nothing_to_save',
  () => 'send a definition to save, or fromVersion to start the draft from a version',
);

export type FieldIssue = { field: string; message: string };
const invalidDraft = refusal<{ playbookId: string; issues: FieldIssue[] }>(
  'unprocessable',
  'draft_invalid',
  (p) =>
    `the draft of ${p.playbookId} is not a valid playbook; fix these fields first: ${p.issues.map((i) => `${i.field} ${i.message}`).join('; ')}`,
);
// The draft fails the playbook's checks; `issues` (also the details) name every field at fault.
export const draftInvalid = (playbookId: string, issues: FieldIssue[]) =>
  invalidDraft({ playbookId, issues }, { details: issues });

export const draftChanged = refusal<{ playbookId: string }>(
  'conflict',
  'draft_changed',
  () => 'the draft was saved or published by someone else meanwhile; read it again and publish then',
);

const unknownReason = refusal<{ churnReason: string; retired: boolean; validCodes: string[] }>(
  'unprocessable',
  'unknown_churn_reason',
  (p) =>
    `churn reason "${p.churnReason}" ${p.retired ? 'is retired' : 'is not in the churn reason catalogue'}; use one of: ${p.validCodes.join(', ') || '(none: provision churnReasons first, npm run admin -- apply)'}`,
);
// A churn reason not in the catalogue, or retired: the answer lists the codes that may be used instead.
export const unknownChurnReason = (churnReason: string, retired: boolean, validCodes: string[]) =>
  unknownReason(
    { churnReason, retired, validCodes },
    { details: [{ path: 'reason.code', code: churnReason, validCodes }] },
  );
