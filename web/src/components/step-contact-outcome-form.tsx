// An agent's or supervisor's record of how a contact went: channel, outcome, a callback time if asked for, and
// the churn reason when the customer refused.
import type { Api } from '../api';
import type { CaseSteps } from '../data/case-steps';
import { CONTACT_OUTCOMES, OUTCOME_CHANNELS } from '../vocabulary';
import { ChurnReasonFields } from './churn-reason-fields';
import { NoteInput, Options } from './step-form-parts';

interface Props {
  api: Api;
  submit: CaseSteps['submit'];
  // The outcome chosen: a refusal asks for a churn reason.
  outcome: string;
  onOutcome: (outcome: string) => void;
}

export function ContactOutcomeForm({ api, submit, outcome, onOutcome }: Props) {
  return (
    <form onSubmit={submit('contact-outcome')} aria-label="Record contact outcome">
      <select name="channel" aria-label="Channel">
        <Options values={OUTCOME_CHANNELS} />
      </select>
      <select
        name="outcome"
        aria-label="Contact outcome"
        value={outcome}
        onChange={(e) => onOutcome(e.currentTarget.value)}
      >
        <Options values={CONTACT_OUTCOMES} />
      </select>
      <label>
        callback at <input name="callbackAt" type="datetime-local" />
      </label>
      {outcome === 'refused' && <ChurnReasonFields api={api} />}
      <NoteInput />
      <button type="submit">Record contact outcome</button>
    </form>
  );
}
