// Replays committed histories of every recorded stage path through today's workflow code: a change that
// would break running cases (non-determinism) fails here. Re-record (`npm run histories:record`) only for a
// deliberate, patched() change, keeping the recordings from before it as pre-<change>--<path>.json.
import { execFileSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { HISTORIES_DIR } from '../support/histories';

const files = readdirSync(HISTORIES_DIR).filter((f) => f.endsWith('.json')).sort();

test('histories of every stage path are committed and replay without non-determinism', () => {
  const paths = ['declined-after-approval', 'excluded-special-funds', 'not-actionable'];
  // Each path as recorded before the contact-policy patch and after it, plus the policy's own paths. The SMS
  // retention path was recorded with the policy but before offer fulfilment; today it is retained-with-fulfilment.
  expect(files).toEqual(expect.arrayContaining([
    ...[...paths, 'retained-via-sms'].map((p) => `pre-contact-policy--${p}.json`),
    ...paths.map((p) => `${p}.json`),
    'pre-offer-fulfilment--retained-via-sms.json',
    'quiet-hours-deferred.json',
    'sms-stop-email-fallback-unreachable.json',
    'sla-escalated-unreachable.json',
    'low-score-reopened-contact.json',
    'closed-by-supervisor.json',
    'offer-expired.json',
    'holdout-recovered.json',
    'accepted-observed-churned.json',
    'retained-with-fulfilment.json',
    'queued-then-assigned-open.json',
    'continued-observation-retained.json',
    // Recorded with the fault-guarantee patches (workflows/patches.ts) and, for the paths recorded before
    // them, the same path as it was: running cases of both kinds must replay.
    'channel-failed-needs-attention-retried.json',
    'sms-undelivered-email-fallback.json',
    ...['retained-with-fulfilment', 'offer-expired', 'accepted-observed-churned', 'sms-stop-email-fallback-unreachable', 'queued-then-assigned-open'].map((p) => `pre-guarantees--${p}.json`),
    // Every path recorded before lean transitions (regular activities, one write per event), kept beside its
    // lean recording: cases opened before 2026-11-30 replay on the old path, later ones on the new.
    ...files.filter((f) => !f.startsWith('pre-')).map((f) => `pre-lean-transitions--${f}`),
    // Recorded before handlers wrote through regular activities (handler-writes-as-activities), with the
    // payload encryption. queued-then-assigned-open is not among them: that recording (a reassign while the
    // case waited in the queue) is the one whose replay failed, which the patch fixes.
    ...files.filter((f) => !f.startsWith('pre-') && f !== 'queued-then-assigned-open.json').map((f) => `pre-handler-writes--${f}`),
  ]));
  const output = execFileSync(
    process.execPath,
    ['--import', 'tsx', join(__dirname, '..', 'support', 'replay-histories.ts'), process.env.HOLDFAST_TEST_WORKFLOW_BUNDLE!, ...files.map((f) => join(HISTORIES_DIR, f))],
    { encoding: 'utf8', timeout: 120_000 },
  );
  // The SDK's own warnings share stdout; results are the JSON lines.
  const results = output.trim().split('\n').filter((line) => line.startsWith('{"file"')).map((line) => JSON.parse(line) as { file: string; ok: boolean; error?: string });
  expect(results).toEqual(files.map((file) => ({ file, ok: true })));
});
