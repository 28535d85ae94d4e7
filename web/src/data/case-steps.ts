// Taking a human step on a case: the answer is sent with an Idempotency-Key, the case reloaded after it, and the
// API's refusal (wrong stage, say) kept to be shown as it came. busy is true while an answer is in flight.
import { useRef, useState } from 'preact/hooks';
import { answer as answerOf, type Api, type ApiError } from '../api';
import { withReason } from '../components/churn-reason-fields';
import type { CaseStep } from '../contract';

export interface CaseSteps {
  error: ApiError | undefined;
  busy: boolean;
  // The step at `path` (e.g. "offer-approval") with this body, for a button's onClick.
  step: (path: CaseStep, body: Record<string, unknown>) => () => Promise<void>;
  // The step at `path` with the submitted form's non-empty fields (and `extra`), for a form's onSubmit.
  submit: (path: CaseStep, extra?: Record<string, unknown>) => (e: Event) => void;
}

// crypto.randomUUID needs a secure context; the dashboard may be served over plain HTTP inside the bank.
const randomKey = () =>
  Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, '0')).join('');

export function useCaseSteps(api: Api, caseId: string, onDone: () => Promise<void>): CaseSteps {
  const [error, setError] = useState<ApiError>();
  const [busy, setBusy] = useState(false);
  // One Idempotency-Key per answer: kept after a 503 (the step may still be taken), so pressing the button
  // again asks for that answer's outcome instead of giving it twice; any other outcome ends the answer.
  const stepKeys = useRef<Record<string, string>>({});
  const step = (path: CaseStep, body: Record<string, unknown>) => async () => {
    setBusy(true);
    setError(undefined);
    const answer = `${path} ${JSON.stringify(body)}`;
    stepKeys.current[answer] ??= randomKey();
    const stepKey = stepKeys.current[answer];
    try {
      // The form's fields as they are: the API checks them and answers 400 with every field at fault.
      const params = { path: { caseId }, header: { 'idempotency-key': stepKey } };
      await answerOf(api.POST(`/v1/cases/{caseId}/${path}`, { params, body: body as never }));
      delete stepKeys.current[answer];
      await onDone();
    } catch (e) {
      if ((e as ApiError).status !== 503) delete stepKeys.current[answer];
      setError(e as ApiError);
    } finally {
      setBusy(false);
    }
  };
  // Reads a form's fields, dropping empty ones, then runs the step.
  const submit =
    (path: CaseStep, extra: Record<string, unknown> = {}) =>
    (e: Event) => {
      e.preventDefault();
      const fields = Object.fromEntries(
        [...new FormData(e.currentTarget as HTMLFormElement)].filter(([, v]) => v !== ''),
      );
      if (typeof fields.callbackAt === 'string') fields.callbackAt = new Date(fields.callbackAt).toISOString();
      void step(path, { ...withReason(fields), ...extra })();
    };
  return { error, busy, step, submit };
}
