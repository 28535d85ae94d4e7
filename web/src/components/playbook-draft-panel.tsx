// A playbook's draft: who saved it when, its definition as JSON (editable by admins, saved as they type), what
// stands between it and publishing, and Publish or Discard.
import type { Api } from '../api';
import { useDraftEditor } from '../data/playbook-draft';
import { dateTime } from '../format';
import type { PlaybookDraft, PlaybookVersion } from '../contract';
import { ErrorBanner } from './error-banner';
import { DraftDifference, DraftValidity } from './playbook-draft-review';

type DraftProps = {
  api: Api;
  admin: boolean;
  playbookId: string;
  draft: PlaybookDraft;
  current: PlaybookVersion | undefined;
  onChange: (d: PlaybookDraft | null) => void;
  onPublished: () => void;
};

export function DraftPanel(props: DraftProps) {
  const { admin, draft, current } = props;
  const { text, setText, syntax, error, publish, discard } = useDraftEditor(props);
  return (
    <div class="draft">
      <h3>
        Draft {draft.basedOnVersion ? `(from v${draft.basedOnVersion})` : ''}{' '}
        <span class="muted">
          saved by {draft.updatedBy}, {dateTime(draft.updatedAt)}
        </span>
      </h3>
      <ErrorBanner error={error} />
      <label>
        Definition (JSON)
        <textarea
          name="definition"
          rows={18}
          readOnly={!admin}
          value={text}
          onInput={(e) => setText(e.currentTarget.value)}
        />
      </label>
      {syntax && <p class="error">{syntax}</p>}
      <DraftValidity draft={draft} />
      <DraftDifference draft={draft} current={current} />
      {admin && (
        <div class="actions">
          <button type="button" disabled={!draft.valid} onClick={publish}>
            Publish as version {(current?.version ?? 0) + 1}
          </button>{' '}
          <button type="button" class="link" onClick={discard}>
            Discard the draft
          </button>
        </div>
      )}
    </div>
  );
}
