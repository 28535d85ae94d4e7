// What the case offered and heard back: the offer with its cost, status and expiry, and the satisfaction survey.
import { dateTime, money, words } from '../format';
import type { CaseDetail } from '../contract';
import { Field } from './field';

function Survey({ survey }: { survey: CaseDetail['survey'] }) {
  if (!survey) return <p class="muted">Not sent.</p>;
  return (
    <p>
      Sent {dateTime(survey.sentAt)} by {survey.channel};{' '}
      {survey.score === undefined
        ? 'no answer yet'
        : `score ${survey.score}${survey.comment ? ` — “${survey.comment}”` : ''}`}
    </p>
  );
}

export function CaseOfferPanel({ detail: c }: { detail: CaseDetail }) {
  return (
    <div class="panel">
      <h2>Offer</h2>
      {c.offer ? (
        <dl>
          <Field label="Offer">{c.offer.name}</Field>
          <Field label="Cost">{money(c.offer.cost)}</Field>
          <Field label="Status">
            <span data-testid="offer-status">{words(c.offer.status)}</span>
          </Field>
          <Field label="Expires">{dateTime(c.offer.expiresAt)}</Field>
        </dl>
      ) : (
        <p class="muted">No offer yet.</p>
      )}
      <h2>Survey</h2>
      <Survey survey={c.survey} />
    </div>
  );
}
