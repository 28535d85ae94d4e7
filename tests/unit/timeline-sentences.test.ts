// Every event a case writes reads as a sentence on the dashboard's timeline. The list of event types is taken
// from the workflow source itself, so an event added there without a sentence (and without joining
// domain/case-events.ts) fails here.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { CASE_EVENT_TYPES, type CaseEventType } from '../../domain/case-events';
import { detailLines } from '../../web/src/event-details';
import type { PhraseContext } from '../../web/src/timeline-phrases';
import { timelineSentence } from '../../web/src/timeline-sentences';

const ROOT = join(__dirname, '..', '..');

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const path = join(dir, f);
    return statSync(path).isDirectory() ? sources(path) : path.endsWith('.ts') ? [path] : [];
  });
}

// Event types in the code that writes them: the first argument of record/recordFromHandler (a literal, or a
// choice between literals), and `type: '…', data` in the events a step records together.
function writtenEventTypes(): Set<string> {
  const found = new Set<string>();
  for (const file of ['workflows', 'activities', 'api'].flatMap((d) => sources(join(ROOT, d)))) {
    const code = readFileSync(file, 'utf8');
    for (const [, arg] of code.matchAll(/\b(?:record|recordFromHandler)\(([^,()]*'[a-z_]+'[^,()]*),/g)) {
      for (const [, type] of arg!.matchAll(/'([a-z_]+)'/g)) found.add(type!);
    }
    for (const [, type] of code.matchAll(/\btype: '([a-z_]+)', data\b/g)) found.add(type!);
  }
  return found;
}

// Data as the workflow writes it for each type (workflows/ and workflows/stages/).
const SAMPLES: Record<CaseEventType, Record<string, unknown>> = {
  case_opened: { reason: 'Large outflow to another bank', openedBy: 'system:signals' },
  risk_assessed: {
    score: 0.82,
    priority: 1,
    factors: [{ signalId: 's1', factor: 'large_outflow', contribution: 0.5 }],
    driver: 'product_yield',
    playbook: { id: 'default', version: 3 },
  },
  holdout_assigned: { percent: 10 },
  signal_joined: { signalId: 's2', type: 'complaint', score: 0.9 },
  queued_for_agent: { teamId: 'wealth' },
  case_assigned: { teamId: 'wealth', agentId: 'agent-dana' },
  case_reassigned: {
    from: { teamId: 'wealth', agentId: 'agent-dana' },
    to: { teamId: 'contact-centre', agentId: 'agent-omar' },
    note: 'Dana is on leave',
  },
  contact_sent: { attempt: 1, channel: 'sms', status: 'queued' },
  contact_unconfirmed: {
    attempt: 1,
    channel: 'sms',
    code: 'timeout',
    message: 'no answer from provider',
    task: 'check_delivery',
  },
  contact_failed: {
    attempt: 2,
    channel: 'sms',
    code: 21211,
    message: "The 'To' number +447700900002 is not a valid phone number",
  },
  contact_skipped: { channel: 'email', purpose: 'survey', reason: 'no_consent' },
  contact_deferred: { channel: 'sms', purpose: 'contact', reason: 'quiet_hours', until: '2026-12-03T08:00:00.000Z' },
  call_requested: { attempt: 1, agentId: 'agent-dana' },
  contact_outcome_recorded: {
    channel: 'phone',
    outcome: 'callback_requested',
    callbackAt: '2026-12-03T15:00:00.000Z',
    note: 'call after 3',
  },
  contact_outcome_timed_out: { attempt: 1, waited: '2d' },
  customer_replied: {
    channel: 'sms',
    text: 'Call me on +447700900123 or ana.garcia@example.com',
    receivedAt: '2026-12-02T10:00:00.000Z',
    task: 'reply_to_customer',
    agentId: 'agent-dana',
  },
  consent_changed: { channel: 'sms', granted: false, source: 'sms_keyword' },
  offer_approval_requested: { offerId: 'rate-boost-0.5', cost: 250, threshold: 200 },
  offer_approval_timed_out: { offerId: 'rate-boost-0.5', waited: '1d' },
  offer_approved: { offerId: 'rate-boost-0.5', note: null },
  offer_rejected: { offerId: 'rate-boost-0.5', note: 'too costly' },
  offer_unavailable: { offerId: 'rate-boost-0.5', reason: 'volume_cap_reached' },
  offer_presented: {
    offerId: 'rate-boost-0.5',
    name: 'Rate boost 0.5%',
    cost: 250,
    expiresAt: '2026-12-10T00:00:00.000Z',
  },
  offer_decision_recorded: { offerId: 'rate-boost-0.5', decision: 'accepted', note: null },
  fulfilment_requested: { offerId: 'rate-boost-0.5' },
  no_eligible_offer: { candidates: 3 },
  resurvey_scheduled: { at: '2026-12-20T09:00:00.000Z' },
  survey_sent: { channel: 'email' },
  survey_failed: { channel: 'email', code: 'bounced', message: 'mailbox ana.garcia@example.com unknown' },
  survey_answered: { score: 2 },
  low_score_escalated: { score: 2, escalatedTo: 'supervisor' },
  observation_started: { until: '2027-01-02T00:00:00.000Z' },
  sla_breached: { wait: 'contact_outcome', escalatedTo: 'team_lead', nextDeadline: '2026-12-03T12:00:00.000Z' },
  sla_extended: { wait: 'contact_outcome', until: '2026-12-04T12:00:00.000Z', note: 'customer abroad' },
  needs_attention: { reason: 'no_channel_left', step: 'contact', failed: ['sms', 'email'] },
  attention_resolved: { reason: 'no_channel_left', step: 'contact', action: 'retry', note: null },
  case_failed: { step: 'offer', error: 'activity timed out' },
  case_continued: { observeUntil: '2027-01-02T00:00:00.000Z' },
  case_closed: { outcome: 'retained', reason: 'offer_accepted', offerId: 'rate-boost-0.5' },
};

const ctx: PhraseContext = {
  names: {
    agents: { 'agent-dana': 'Dana', 'agent-omar': 'Omar' },
    teams: { wealth: 'Wealth', 'contact-centre': 'Contact centre' },
  },
  time: (iso) => iso.slice(0, 16).replace('T', ' '),
};
const say = (type: string, data: Record<string, unknown>, actor = 'holdfast') =>
  timelineSentence({ type, actor, data }, ctx);
// What an event type with no sentence of its own reads as.
const fallback = (type: string) => say(`${type}_not_known`, {}).replace(/ not known$/, '');

test('the event types the code writes are exactly the ones domain/case-events.ts lists', () => {
  const written = writtenEventTypes();
  expect(written.size).toBeGreaterThanOrEqual(39);
  expect([...written].sort()).toEqual([...CASE_EVENT_TYPES].sort());
});

test.each([...writtenEventTypes()].sort())('%s reads as a sentence of its own, never as raw data', (type) => {
  const sample = SAMPLES[type as CaseEventType];
  expect(sample).toBeDefined();
  expect(say(type, sample, 'supervisor:sup-1')).not.toBe(fallback(type));
  // An older case's event may lack any field: the sentence still reads.
  for (const data of [sample, {}]) {
    const sentence = say(type, data, 'supervisor:sup-1');
    expect(sentence).not.toMatch(/[{}[\]]|undefined|null|NaN|\[object/);
    expect(sentence).not.toMatch(/\b[a-z]+_[a-z_]+\b/); // vocabulary shows as words
    expect(sentence).toMatch(/^[A-Z]/);
    // A value the event lacks leaves no hole: "SLA missed waiting for  — escalated to ,".
    expect(sentence).not.toMatch(/ {2}| [:,)]|\( |\(\)|[:(] *$|\s$|(^|\D)\/10|(^|[^\d\s])%/);
  }
});

test('sentences read as the bank says them', () => {
  expect(say('contact_sent', { channel: 'sms', to: '+447700900123', template: 'win-back-1' })).toBe(
    'SMS sent to +44 ••• ••• 123 (template win-back-1)',
  );
  expect(say('case_opened', { reason: 'signal:large_outflow' }, 'system:signals')).toBe(
    'Case opened by signals after a large outflow signal',
  );
  expect(say('case_opened', { reason: 'signal:activity_drop' }, 'system:signals')).toBe(
    'Case opened by signals after an activity drop signal',
  );
  expect(say('case_opened', SAMPLES.case_opened, 'supervisor:sup-1')).toBe(
    'Case opened by sup-1: “Large outflow to another bank”',
  );
  expect(say('case_assigned', SAMPLES.case_assigned)).toBe('Assigned to Dana (Wealth team)');
  expect(say('case_assigned', { ...SAMPLES.case_assigned, quotaUsed: 7, quota: 10 })).toBe(
    'Assigned to Dana (Wealth team) — quota 7 of 10 today',
  );
  expect(say('offer_approved', SAMPLES.offer_approved, 'supervisor:sup-1')).toBe(
    "Offer 'rate-boost-0.5' approved by sup-1",
  );
  expect(say('survey_answered', SAMPLES.survey_answered, 'customer:email')).toBe('Survey answered: 2/10');
  expect(say('low_score_escalated', SAMPLES.low_score_escalated)).toBe(
    'Low survey score (2/10) — escalated to supervisor',
  );
  expect(say('case_reassigned', SAMPLES.case_reassigned, 'supervisor:sup-1')).toBe(
    'Reassigned from Dana (Wealth team) to Omar (Contact centre team) by sup-1 — “Dana is on leave”',
  );
  expect(say('contact_deferred', SAMPLES.contact_deferred)).toBe('SMS held until 2026-12-03 08:00: quiet hours');
  expect(
    say(
      'case_closed',
      { outcome: 'churned', reason: 'closed_by_supervisor', note: 'moved abroad' },
      'supervisor:sup-1',
    ),
  ).toBe('Case closed as churned: closed by supervisor by sup-1 — “moved abroad”');
  expect(
    say(
      'case_closed',
      { outcome: 'declined', reason: 'offer_declined', churnReason: { code: 'fees_too_high', note: 'too dear' } },
      'agent:agent-1',
    ),
  ).toBe('Case closed as declined: offer declined by agent-1 — churn reason: fees too high, “too dear”');
  // Anonymised: the code stays, the customer's words are gone.
  expect(
    say('contact_outcome_recorded', { channel: 'phone', outcome: 'refused', churnReason: { code: 'moved_away' } }),
  ).toMatch(/: refused — churn reason: moved away$/);
  expect(
    say(
      'case_opened',
      {
        reason: 'signal:large_outflow',
        playbookChoice: { summary: 'premier-yield v2: appliesTo matched tier premier, driver product_yield' },
      },
      'system:signals',
    ),
  ).toBe(
    'Case opened by signals after a large outflow signal — playbook premier-yield v2: appliesTo matched tier premier, driver product yield',
  );
  expect(
    say('case_closed', {
      outcome: 'excluded',
      reason: 'declined_to_treat',
      declined: { stage: 'decline', belowAssets: 25000 },
    }),
  ).toBe('Case closed as excluded: declined to treat (stage decline, assets below 25000)');
});

test('addresses in provider errors and customer replies are masked', () => {
  expect(say('contact_failed', SAMPLES.contact_failed)).toBe(
    "SMS failed (attempt 2): The 'To' number +44 ••• ••• 002 is not a valid phone number (code 21211)",
  );
  expect(say('customer_replied', SAMPLES.customer_replied, 'customer:sms')).toBe(
    "Customer replied by SMS: “Call me on +44 ••• ••• 123 or a•••@example.com” — waiting for the agent's answer",
  );
  expect(say('survey_failed', SAMPLES.survey_failed)).not.toContain('ana.garcia');
});

test('an event type this dashboard does not know reads as its words, with who did it', () => {
  expect(say('offer_reprised', { offerId: 'x', nested: { a: 1 } }, 'supervisor:sup-1')).toBe('Offer reprised by sup-1');
  expect(say('offer_reprised', {})).toBe('Offer reprised');
});

test('the Details disclosure shows the raw data as key: value lines, nested values under dotted keys', () => {
  expect(detailLines(SAMPLES.risk_assessed).map((l) => `${l.key}: ${l.value}`)).toEqual([
    'score: 0.82',
    'priority: 1',
    'factors.1.signalId: s1',
    'factors.1.factor: large_outflow',
    'factors.1.contribution: 0.5',
    'driver: product_yield',
    'playbook.id: default',
    'playbook.version: 3',
  ]);
  expect(detailLines({ note: null, granted: false, failed: [], from: {} }).map((l) => `${l.key}: ${l.value}`)).toEqual([
    'note: —',
    'granted: no',
    'failed: none',
    'from: —',
  ]);
  expect(detailLines({})).toEqual([]);
});
