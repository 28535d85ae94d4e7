// Replays committed histories of every recorded stage path through today's workflow code: a change that
// would break running cases (non-determinism) fails here. A change that alters history is a patched() id in
// workflows/patches.ts; re-record (`npm run histories:record`) after it, keeping the recordings from before it
// as pre-<id>--<path>.json, so cases started on either side of it are replayed.
import { execFileSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { HISTORIES_DIR } from '../support/histories';

// The stage paths recorded (by the integration tests that call recordHistory): those of 1.0.0, and since.
const PATHS = [
  'accepted-observed-churned',
  'channel-failed-needs-attention-retried',
  'closed-by-supervisor',
  'continued-observation-retained',
  'declined-after-approval',
  'excluded-special-funds',
  'holdout-recovered',
  'low-score-reopened-contact',
  'not-actionable',
  'offer-expired',
  'queued-then-assigned-open',
  'quiet-hours-deferred',
  'retained-with-fulfilment',
  'sla-escalated-unreachable',
  'sms-stop-email-fallback-unreachable',
  'sms-undelivered-email-fallback',
  'zh-cn-sms-opt-out-email-fallback',
];

const files = readdirSync(HISTORIES_DIR)
  .filter((f) => f.endsWith('.json'))
  .sort();

test('histories of every stage path are committed and replay without non-determinism', () => {
  // Each path as today's code records it; recordings from before a registered patch (pre-<id>--) come on top.
  expect(files.filter((f) => !f.startsWith('pre-'))).toEqual(PATHS.map((p) => `${p}.json`));
  const output = execFileSync(
    process.execPath,
    [
      '--import',
      'tsx',
      join(__dirname, '..', 'support', 'replay-histories.ts'),
      process.env.HOLDFAST_TEST_WORKFLOW_BUNDLE!,
      ...files.map((f) => join(HISTORIES_DIR, f)),
    ],
    { encoding: 'utf8', timeout: 120_000 },
  );
  // The SDK's own warnings share stdout; results are the JSON lines.
  const results = output
    .trim()
    .split('\n')
    .filter((line) => line.startsWith('{"file"'))
    .map((line) => JSON.parse(line) as { file: string; ok: boolean; error?: string });
  expect(results).toEqual(files.map((file) => ({ file, ok: true })));
});
