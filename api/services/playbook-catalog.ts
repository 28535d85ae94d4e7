// The playbook versions the API pins cases to. A version is immutable once posted (a change is a new version),
// so each parsed definition is kept for the life of the process; only "which version is newest" is asked of
// the database on every intake, inside the intake's own query.
import type { Sql } from '../../config/sql';
import { playbookDefinitionSchema, type PinnedPlaybook, type PlaybookDefinition } from '../../domain/playbook';
import {
  choosePlaybookWithReason,
  DEFAULT_PLAYBOOK,
  type Choice,
  type ChoiceRequest,
} from '../../domain/playbook-selection';
import { defaultPlaybookMissing, playbookUnknown } from '../../domain/errors/playbook-errors';
import { CURRENT_VERSIONS_SQL } from './current-versions-sql';

export type VersionRef = { id: string; version: number };
// The version chosen, and why (domain/playbook-selection.ts).
type ChosenVersion = VersionRef & Pick<Choice, 'basis' | 'matched'>;

export interface PlaybookCatalog {
  newest(): Promise<VersionRef[]>;
  definition(ref: VersionRef): Promise<PlaybookDefinition | undefined>;
  // The version a new case runs: the named playbook's newest, or the best match among the newest versions.
  pin(newest: VersionRef[], req: ChoiceRequest): Promise<ChosenVersion>;
}

export const unknownPlaybook = playbookUnknown;

export function createPlaybookCatalog(sql: Sql): PlaybookCatalog {
  const parsed = new Map<string, Promise<PlaybookDefinition | undefined>>();

  function definition({ id, version }: VersionRef) {
    const key = `${id}@${version}`;
    let found = parsed.get(key);
    if (!found) {
      found = sql
        .query<{ definition: unknown }>(
          'SELECT definition FROM playbook_versions WHERE playbook_id = $1 AND version = $2',
          [id, version],
        )
        .then(({ rows }) => (rows[0] ? playbookDefinitionSchema.parse(rows[0].definition) : undefined));
      // A failed read is not remembered; a missing version may be posted later.
      found.then(
        (d) => d ?? parsed.delete(key),
        () => parsed.delete(key),
      );
      parsed.set(key, found);
    }
    return found;
  }

  return {
    definition,
    async newest() {
      const { rows } = await sql.query<VersionRef>(CURRENT_VERSIONS_SQL);
      return rows;
    },
    async pin(newest, req) {
      const candidates = req.playbookId ? newest.filter((v) => v.id === req.playbookId) : newest;
      const loaded = await Promise.all(
        candidates.map(async (v): Promise<PinnedPlaybook | undefined> => {
          const d = await definition(v);
          return d && { id: v.id, version: v.version, definition: d };
        }),
      );
      const chosen = choosePlaybookWithReason(
        loaded.filter((p): p is PinnedPlaybook => !!p),
        req,
      );
      if (chosen) {
        const { playbook, basis, matched } = chosen;
        return { id: playbook.id, version: playbook.version, basis, matched };
      }
      if (req.playbookId) throw unknownPlaybook(req.playbookId);
      throw defaultPlaybookMissing({ defaultPlaybookId: DEFAULT_PLAYBOOK });
    },
  };
}
