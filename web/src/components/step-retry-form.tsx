// A supervisor's retry of a step nothing automatic can move (a contact that failed, a provider down), once the
// cause is fixed.
import type { CaseSteps } from '../data/case-steps';
import { words } from '../format';
import { NoteInput } from './step-form-parts';

export function RetryStepForm({ reason, submit }: { reason: string; submit: CaseSteps['submit'] }) {
  return (
    <form onSubmit={submit('retry')} aria-label="Retry step">
      <span class="late">
        Needs attention: {words(reason)}. Fix the cause (contact details, provider), then retry; or reassign or close.
      </span>
      <NoteInput />
      <button type="submit">Retry step</button>
    </form>
  );
}
