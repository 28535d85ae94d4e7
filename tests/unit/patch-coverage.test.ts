// Every patch id in workflows/patches.ts is exercised by some recorded history, so the replay test covers the
// code after each patch (an id that only the old, non-lean path checks is found in the pre-lean recordings);
// every recording from the lean path on took it, and the recordings from before it did not. Current recordings
// check one id, the newest baseline, which stands for every patch before it (workflows/patch-gate.ts); the
// recordings from the first baseline check that one.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as patches from '../../workflows/patches';
import { BASELINE_2_COVERS, BASELINE_COVERS, BASELINES } from '../../workflows/patch-gate';

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

// A patch added after the first baseline may be recorded only through a later baseline that stands for it.
test.each(Object.entries(patches))('%s (%s) is recorded in a history, itself or through a baseline', (_name, id) => {
  const recordedAs = [id, ...BASELINES.filter((b) => b.covers.has(id)).map((b) => b.id)];
  expect([...recorded].filter(([, ids]) => recordedAs.some((r) => ids.has(r))).map(([f]) => f)).not.toHaveLength(0);
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

const FIRST_BASELINE = 'pre-baseline-2--';

test('every current recording checks the newest baseline and no patch it stands for; none from before it has it', () => {
  for (const [file, ids] of recorded) {
    const covered = [...ids].filter((id) => BASELINE_2_COVERS.has(id) || id === patches.BASELINE_PATCH);
    expect([file, ids.has(patches.BASELINE_2_PATCH), covered]).toEqual(current(file) ? [file, true, []] : [file, false, covered]);
  }
});

test('the recordings from the first baseline check it and no patch it stands for; none from before it has it', () => {
  for (const [file, ids] of recorded) {
    if (current(file)) continue;
    const covered = [...ids].filter((id) => BASELINE_COVERS.has(id));
    expect([file, ids.has(patches.BASELINE_PATCH), covered]).toEqual(file.startsWith(FIRST_BASELINE) ? [file, true, []] : [file, false, covered]);
  }
});

test('each baseline stands for patch ids only, not for a baseline, and the newer for all the older does', () => {
  const ids = new Set<string>(Object.values(patches));
  const baselineIds = BASELINES.map((b) => b.id);
  for (const { covers } of BASELINES) {
    for (const id of covers) expect([id, ids.has(id), baselineIds.includes(id)]).toEqual([id, true, false]);
  }
  for (const id of BASELINE_COVERS) expect([id, BASELINE_2_COVERS.has(id)]).toEqual([id, true]);
  expect(baselineIds).toEqual([patches.BASELINE_2_PATCH, patches.BASELINE_PATCH]);
});

// A direct patched() of an id the baseline stands for would record that id again in every new case.
test('workflow code checks patches only through the patch gate', () => {
  const root = join(__dirname, '..', '..', 'workflows');
  const files = readdirSync(root, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.ts'));
  const importers = files.filter((f) => /import \{[^}]*\bpatched\b[^}]*\} from '@temporalio\/workflow'/.test(readFileSync(join(root, f), 'utf8')));
  expect(importers).toEqual(['patch-gate.ts']);
});
