// Stage 4, offer: the best eligible catalog offer within the customer's budget; above the playbook's cost
// threshold a supervisor approves first (rejection or silence falls back to the next offer); the customer's
// decision is awaited until the offer expires.
import { durationMs } from '../../domain/duration';
import { eligibleOffers, needsApproval, type CatalogOffer } from '../../domain/offer';
import type { StoreActivities } from '../activities';
import type { CaseRun } from '../case-run';

export type OfferResult = 'accepted' | 'no_offer' | 'closed';

async function approved(run: CaseRun, offer: CatalogOffer, index: number): Promise<boolean> {
  const { state } = run;
  const policy = run.definition.offer;
  const approvalTimeout = run.staffSla(durationMs(policy.approvalTimeout));
  const hold = {
    key: `${state.caseId}:offer:${index}`,
    caseId: state.caseId,
    offerId: offer.id,
    cost: offer.cost,
    status: 'pending_approval' as const,
    expiresAt: new Date(Date.now() + approvalTimeout).toISOString(),
  };
  if (!(await claimed(run, hold))) return false;
  state.offer = { offerId: offer.id, name: offer.name, cost: offer.cost, status: 'pending_approval' };
  run.setSlaDue(approvalTimeout);
  run.answers.expect('approval');
  await run.record(
    'offer_approval_requested',
    { offerId: offer.id, cost: offer.cost, threshold: policy.approvalCostThreshold },
    { stage: 'offering' },
  );
  const approval = await run.awaitAnswer('approval', approvalTimeout);
  const ok = approval?.approve === true;
  state.offer.status = ok ? 'approved' : 'rejected';
  await run.store.recordCaseOffer({
    key: `${state.caseId}:offer:${index}`,
    caseId: state.caseId,
    offerId: offer.id,
    cost: offer.cost,
    status: state.offer.status,
  });
  if (!approval) await run.record('offer_approval_timed_out', { offerId: offer.id, waited: policy.approvalTimeout });
  return ok;
}

// Claims the offer's volume slot; a full offer is recorded and skipped.
async function claimed(run: CaseRun, hold: Parameters<StoreActivities['claimOfferSlot']>[0]): Promise<boolean> {
  if ((await run.store.claimOfferSlot(hold)).claimed) return true;
  await run.record('offer_unavailable', { offerId: hold.offerId, reason: 'volume_cap_reached' });
  return false;
}

// The offer is presented and the customer's answer awaited until it expires: accepted (fulfilment requested),
// or declined or expired (the case closes).
async function presentAndAwait(
  run: CaseRun,
  candidate: ReturnType<typeof eligibleOffers>[number],
  index: number,
  expiresAt: string,
): Promise<OfferResult> {
  const { state } = run;
  const policy = run.definition.offer;
  state.offer = { offerId: candidate.id, name: candidate.name, cost: candidate.cost, status: 'presented', expiresAt };
  const key = `${state.caseId}:offer:${index}`;
  await run.store.recordCaseOffer({
    key,
    caseId: state.caseId,
    offerId: candidate.id,
    cost: candidate.cost,
    status: 'presented',
    expiresAt,
  });
  state.slaDueAt = expiresAt;
  run.answers.expect('decision');
  await run.record(
    'offer_presented',
    { offerId: candidate.id, name: candidate.name, cost: candidate.cost, expiresAt },
    { stage: 'awaiting_decision' },
  );

  // The customer's wait: the offer is honoured until its own expiry, without SLA escalation.
  const decision = await run.awaitAnswer('decision', durationMs(policy.expiry), { escalate: false });
  state.offer.status = decision?.decision ?? 'expired';
  await run.store.recordCaseOffer({
    key,
    caseId: state.caseId,
    offerId: candidate.id,
    cost: candidate.cost,
    status: state.offer.status,
  });
  if (state.offer.status === 'accepted') {
    await run.store.requestOfferFulfilment({
      caseId: state.caseId,
      customerId: state.customerId,
      offerId: candidate.id,
      offerName: candidate.name,
      cost: candidate.cost,
    });
    await run.record('fulfilment_requested', { offerId: candidate.id });
    return 'accepted';
  }
  await run.close(
    'declined',
    state.offer.status === 'expired' ? 'offer_expired' : 'offer_declined',
    // An expired offer has no reason yet: a supervisor records it afterwards (PUT /v1/cases/:id/churn-reason).
    { offerId: candidate.id, ...(decision?.reason ? { churnReason: decision.reason } : {}) },
    decision?.actor,
  );
  return 'closed';
}

export async function offer(run: CaseRun): Promise<OfferResult> {
  const { state } = run;
  const policy = run.definition.offer;
  const catalog = await run.store.listOfferCatalog();
  const candidates = eligibleOffers(catalog, {
    tier: state.tier!,
    driver: state.driver!,
    assetsUnderManagement: run.customer!.assetsUnderManagement,
    budgetRate: policy.budgetRate,
  });

  for (const [index, candidate] of candidates.entries()) {
    const approval = needsApproval(candidate, policy.approvalCostThreshold);
    if (approval && !(await approved(run, candidate, index))) continue;
    const expiresAt = new Date(Date.now() + durationMs(policy.expiry)).toISOString();
    const hold = {
      key: `${state.caseId}:offer:${index}`,
      caseId: state.caseId,
      offerId: candidate.id,
      cost: candidate.cost,
      status: 'presented' as const,
      expiresAt,
    };
    if (!approval && !(await claimed(run, hold))) continue;
    return presentAndAwait(run, candidate, index, expiresAt);
  }
  await run.record('no_eligible_offer', { candidates: candidates.length });
  return 'no_offer';
}
