// Editing a playbook draft as JSON: a pause in typing saves the draft (kept even when invalid) and the API's answer
// lists every field at fault; text that is not JSON yet is reported here without saving. Publish and discard too.
import { useEffect, useState } from 'preact/hooks';
import { answer, type Api } from '../api';
import type { PlaybookDraft } from '../contract';

interface Editing {
  api: Api;
  // Only an admin's edits are saved.
  admin: boolean;
  playbookId: string;
  draft: PlaybookDraft;
  onChange: (d: PlaybookDraft | null) => void;
  onPublished: () => void;
}

const SAVE_AFTER_MS = 400;

export function useDraftEditor({ api, admin, playbookId, draft, onChange, onPublished }: Editing) {
  const [text, setText] = useState(() => JSON.stringify(draft.definition, null, 2));
  const [syntax, setSyntax] = useState<string>();
  const [error, setError] = useState<Error>();
  const params = { path: { playbookId } };
  useEffect(() => {
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
      setSyntax(undefined);
    } catch (e) {
      return setSyntax(`not valid JSON yet: ${(e as Error).message}`);
    }
    if (!admin || JSON.stringify(parsed) === JSON.stringify(draft.definition)) return;
    const timer = setTimeout(
      () =>
        answer(
          api.PUT('/v1/playbooks/{playbookId}/draft', {
            params,
            body: { definition: parsed as PlaybookDraft['definition'] },
          }),
        ).then(onChange, setError),
      SAVE_AFTER_MS,
    );
    return () => clearTimeout(timer);
  }, [text]);
  const publish = () =>
    answer(api.POST('/v1/playbooks/{playbookId}/draft/publish', { params })).then(onPublished, setError);
  const discard = () =>
    answer(api.DELETE('/v1/playbooks/{playbookId}/draft', { params })).then(() => onChange(null), setError);
  return { text, setText, syntax, error, publish, discard };
}
