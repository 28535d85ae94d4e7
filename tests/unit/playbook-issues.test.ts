// A playbook's faults in words, one per field, all of them at once.
import { PLAYBOOKS } from '../../dev/seed';
import { checkPlaybook } from '../../domain/playbook-issues';

test('a valid definition has no issues and comes back parsed, with defaults', () => {
  const check = checkPlaybook(PLAYBOOKS.demo);
  expect(check).toMatchObject({ valid: true, issues: [] });
});

test('every field at fault is listed, with words a person can act on', () => {
  const d = structuredClone(PLAYBOOKS.demo) as Record<string, any>;
  d.name = '';
  d.appliesTo = { tiers: ['gold'] };
  d.contact.maxAttempts = 1.5;
  d.holdout = { percent: 60 };
  d.offer.budgetRate = 'lots';
  delete d.offer.expiry;
  expect(checkPlaybook(d).issues).toEqual([
    { field: 'name', message: 'must not be empty' },
    { field: 'appliesTo.tiers.0', message: 'must be one of "premier", "affluent", "mass"' },
    { field: 'contact.maxAttempts', message: 'must be a whole number' },
    { field: 'offer.expiry', message: 'is missing: give a value' },
    { field: 'offer.budgetRate', message: 'must be a number' },
    { field: 'holdout.percent', message: 'must be at most 50' },
  ]);
});

test('something that is not a playbook at all says so', () => {
  expect(checkPlaybook([1, 2]).issues).toEqual([
    { field: '(the whole playbook)', message: 'must be a group of settings' },
  ]);
});
