// Every patch id in workflows/patches.ts is exercised by some recorded history, so the replay test covers the
// code after each patch (an id that only the old, non-lean path checks is found in the pre-lean recordings);
// every current recording took the lean path, and the recordings from before it did not.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as patches from '../../workflows/patches';

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

// Recordings from before a later patch (pre-handler-writes--, pre-events-with-next-call--) took the lean path too.
const AFTER_LEAN = ['pre-handler-writes--', 'pre-events-with-next-call--'];

test('every current history carries the lean-transitions marker; the recordings from before it do not', () => {
  for (const [file, ids] of recorded) expect([file, ids.has(patches.LEAN_TRANSITIONS_PATCH)]).toEqual([file, !file.startsWith('pre-') || AFTER_LEAN.some((p) => file.startsWith(p))]);
});
