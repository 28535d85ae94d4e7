// One case: who the customer is, why the case opened, what happened (timeline, contacts, offer, survey),
// and the human steps this key's role may take at this stage.
import type { PageProps } from '../app';
import { CallSheetPanel } from '../components/call-sheet';
import { CaseActions } from '../components/case-actions';
import { CaseCustomerPanel } from '../components/case-customer-panel';
import { CaseFactsPanel } from '../components/case-facts-panel';
import { CaseOfferPanel } from '../components/case-offer-panel';
import { CaseRiskPanel } from '../components/case-risk-panel';
import { ChurnReasonPanel } from '../components/churn-reason-panel';
import { ContactAttemptsPanel } from '../components/contact-attempts-panel';
import { ErrorBanner } from '../components/error-banner';
import { Timeline, timelineNames } from '../components/timeline';
import { useCase } from '../data/case';
import { words } from '../format';
import type { CaseDetail } from '../contract';

function CaseHeading({ detail: c }: { detail: CaseDetail }) {
  return (
    <>
      <h1>
        {c.customer.name}{' '}
        <span class={`stage stage-${c.stage}`} data-testid="case-stage">
          {words(c.stage)}
        </span>
        {c.outcome && <span class="outcome"> {words(c.outcome)}</span>}
      </h1>
      <p>
        <a href={`#/customers/${encodeURIComponent(c.customer.id)}`}>Customer file</a>
      </p>
    </>
  );
}

export function CasePage({ api, me, caseId }: PageProps & { caseId: string }) {
  const { detail, events, teams, reload } = useCase(api, caseId);
  const c = detail.data;
  if (!c)
    return (
      <section>
        <a href="#/board">← Case board</a>
        <ErrorBanner error={detail.error} />
        {!detail.error && <p>Loading…</p>}
      </section>
    );
  return (
    <section class="case">
      <a href="#/board">← Case board</a>
      <CaseHeading detail={c} />
      <ErrorBanner error={detail.error} />
      {(me.role === 'agent' || me.role === 'supervisor' || me.role === 'admin') && (
        <CallSheetPanel api={api} caseId={caseId} />
      )}
      <div class="grid">
        <CaseCustomerPanel customer={c.customer} />
        <CaseFactsPanel detail={c} />
        <CaseRiskPanel detail={c} />
        <CaseOfferPanel detail={c} />
      </div>
      <CaseActions api={api} me={me} detail={c} onDone={reload} />
      <ChurnReasonPanel api={api} me={me} detail={c} onDone={reload} />
      <div class="grid two">
        <ContactAttemptsPanel attempts={c.contactAttempts} />
        <div class="panel">
          <h2>Timeline</h2>
          <Timeline events={events.data?.events ?? []} names={timelineNames(teams.data?.items ?? [], c)} />
        </div>
      </div>
    </section>
  );
}
