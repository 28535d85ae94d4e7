// What an arriving signal does, from what is stored about its key and its customer.
import { decideIntake, type IntakeFacts, type LastCase } from '../../domain/signal-intake';

const now = new Date('2026-06-01T12:00:00Z');
const signal = { customerId: 'cus_1', type: 'balance_drop' };
const stored = (over: Partial<NonNullable<IntakeFacts['existing']>> = {}) => ({
  id: 'sig_1',
  customerId: 'cus_1',
  type: 'balance_drop',
  caseId: null,
  workflowId: null,
  ...over,
});
const closedCase = (closedHoursAgo: number, cooldownHours: number): LastCase => ({
  id: 'case_1',
  workflowId: 'retention-case/cus_1',
  status: 'closed',
  outcome: 'retained',
  closedAt: new Date(now.getTime() - closedHoursAgo * 3600_000),
  cooldownMs: cooldownHours * 3600_000,
  actionThreshold: 0.4,
});
const facts = (over: Partial<IntakeFacts> = {}): IntakeFacts => ({ customerTier: 'mass', hasOpenCase: false, ...over });

test('a key used for another customer or signal type is refused', () => {
  expect(decideIntake(signal, facts({ existing: stored({ customerId: 'cus_2' }) }), now).kind).toBe('key_reused');
  expect(decideIntake(signal, facts({ existing: stored({ type: 'complaint' }) }), now).kind).toBe('key_reused');
});

test('a key already linked to its case answers as the first time; one without a case goes on', () => {
  expect(decideIntake(signal, facts({ existing: stored({ caseId: 'case_1', workflowId: 'w' }) }), now)).toMatchObject({
    kind: 'duplicate',
    existing: { caseId: 'case_1' },
  });
  expect(decideIntake(signal, facts({ existing: stored() }), now).kind).toBe('open_or_join');
});

test('an unknown customer is refused before anything is stored', () => {
  expect(decideIntake(signal, facts({ customerTier: undefined }), now).kind).toBe('unknown_customer');
});

test('a balance recovery opens nothing on its own but joins an open case', () => {
  const recovery = { ...signal, type: 'balance_recovery' };
  expect(decideIntake(recovery, facts(), now).kind).toBe('store_only');
  expect(decideIntake(recovery, facts({ hasOpenCase: true }), now).kind).toBe('open_or_join');
});

test('a case closed within its cool-down asks for a re-score; after it, a new case opens', () => {
  expect(decideIntake(signal, facts({ lastCase: closedCase(2, 24) }), now)).toMatchObject({
    kind: 'cooling_down',
    until: new Date(now.getTime() + 22 * 3600_000),
  });
  expect(decideIntake(signal, facts({ lastCase: closedCase(25, 24) }), now)).toEqual({
    kind: 'open_or_join',
    tier: 'mass',
  });
  expect(
    decideIntake(signal, facts({ lastCase: { ...closedCase(2, 24), status: 'open', closedAt: null } }), now).kind,
  ).toBe('open_or_join');
});
