// Every patch id in workflows/patches.ts is exercised by some recorded history, so the replay test covers the
// code after each patch (an id that only the old, non-lean path checks is found in the pre-lean recordings);
// every recording from the lean path on took it, and the recordings from before it did not. Current recordings
// check one id, the baseline, which stands for every patch before it (workflows/patch-gate.ts).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as patches from '../../workflows/patches';
import { BASELINE_COVERS } from '../../workflows/patch-gate';

const dir = join(__dirname, '..', 'histories');
const histories = readdirSync(dir).filter((f) => f.endsWith('.json'));

function patchIds(file: string): Set<string> {
  const { events } = JSON.parse(readFileSync(join(dir, file), 'utf8')) as { events: { markerRecordedEventAttributes?: { markerName: string; details: Record<string, { payloads: { data: string }[] }> } }[] };
  const ids = new Set<string>();
  for (const e of events) {
    const marker = e.markerRecordedEventAttributes;
    if (marker?.markerName !== 'core_patch') continue;
    for (const p of Object.values(marker.details).flatMap((d) => d.payloads)) ids.add((JSON.parse(Buffer.from(p.data, 'base64').toString()) as { id: string }).id);
  }
  return ids;
}

const recorded = new Map(histories.map((f) => [f, patchIds(f)]));

test.each(Object.entries(patches))('%s (%s) is recorded in a history', (_name, id) => {
  expect([...recorded].filter(([, ids]) => ids.has(id)).map(([f]) => f)).not.toHaveLength(0);
});

// Recordings from before a later patch took the lean path too.
const AFTER_LEAN = ['pre-handler-writes--', 'pre-events-with-next-call--', 'pre-baseline--'];
const current = (file: string) => !file.startsWith('pre-');

test('the recordings from lean transitions to the baseline carry the lean-transitions marker; those before do not', () => {
  for (const [file, ids] of recorded) {
    if (current(file)) continue;
    expect([file, ids.has(patches.LEAN_TRANSITIONS_PATCH)]).toEqual([file, AFTER_LEAN.some((p) => file.startsWith(p))]);
  }
});

test('every current recording checks the baseline and no patch it stands for; no recording from before it has it', () => {
  for (const [file, ids] of recorded) {
    const covered = [...ids].filter((id) => BASELINE_COVERS.has(id));
    expect([file, ids.has(patches.BASELINE_PATCH), covered]).toEqual(current(file) ? [file, true, []] : [file, false, covered]);
  }
});

test('the baseline stands for patch ids only, not for itself', () => {
  const ids = new Set<string>(Object.values(patches));
  for (const id of BASELINE_COVERS) expect([id, ids.has(id)]).toEqual([id, true]);
  expect(BASELINE_COVERS.has(patches.BASELINE_PATCH)).toBe(false);
});

// A direct patched() of an id the baseline stands for would record that id again in every new case.
test('workflow code checks patches only through the patch gate', () => {
  const root = join(__dirname, '..', '..', 'workflows');
  const files = readdirSync(root, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.ts'));
  const importers = files.filter((f) => /import \{[^}]*\bpatched\b[^}]*\} from '@temporalio\/workflow'/.test(readFileSync(join(root, f), 'utf8')));
  expect(importers).toEqual(['patch-gate.ts']);
});
