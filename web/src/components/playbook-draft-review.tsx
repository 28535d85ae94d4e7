// What stands between a draft and publishing it: whether it is a valid playbook (else every field at fault with the
// API's message), and each setting it changes against the current version.
import { diffDefinitions, label } from '../playbook-fields';
import type { PlaybookDraft, PlaybookVersion } from '../contract';

export function DraftValidity({ draft }: { draft: PlaybookDraft }) {
  return (
    <>
      <p class={draft.valid ? 'outcome' : 'error'} data-draft-valid={String(draft.valid)}>
        {draft.valid
          ? 'The draft is a valid playbook.'
          : `${draft.issues.length} field${draft.issues.length === 1 ? '' : 's'} to fix before publishing:`}
      </p>
      <ul class="issues">
        {draft.issues.map((i) => (
          <li key={i.field} class="issue">
            <strong>{label(i.field)}</strong> ({i.field}): {i.message}
          </li>
        ))}
      </ul>
    </>
  );
}

export function DraftDifference({ draft, current }: { draft: PlaybookDraft; current: PlaybookVersion | undefined }) {
  const changes = current ? diffDefinitions(current.definition, draft.definition) : [];
  return (
    <>
      <h3>Difference from the current version</h3>
      {changes.length === 0 ? (
        <p class="muted">No setting differs.</p>
      ) : (
        <table class="diff">
          <thead>
            <tr>
              <th>Setting</th>
              <th>Current (v{current?.version})</th>
              <th>Draft</th>
            </tr>
          </thead>
          <tbody>
            {changes.map((c) => (
              <tr key={c.field}>
                <td>{label(c.field)}</td>
                <td>{c.before}</td>
                <td>{c.after}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
