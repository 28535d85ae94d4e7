// The patch registry (workflows/patches.ts) and the code and recordings that go with it. From 1.0.0 on, every
// history-altering change to workflow code is a patched() id there with a CHANGELOG line, and tests/histories
// holds recordings from before it (pre-<id>--<path>.json) and after it; the replay test runs them all. This
// checks the bookkeeping: no id without a use or a CHANGELOG line, no patched() call outside the registry, and
// no recording that checks or is named for an id the registry does not hold.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as patches from '../../workflows/patches';

const root = join(__dirname, '..', '..');
const registry = Object.entries(patches as Record<string, unknown>);
const ids = new Set(registry.map(([, id]) => id));

const workflowFiles = readdirSync(join(root, 'workflows'), { recursive: true, encoding: 'utf8' }).filter((f) =>
  f.endsWith('.ts'),
);
// Without comments, which name patched() in prose.
const workflowCode = workflowFiles
  .map((f) => readFileSync(join(root, 'workflows', f), 'utf8').replace(/\/\/.*$/gm, ''))
  .join('\n');
const changelog = readFileSync(join(root, 'CHANGELOG.md'), 'utf8');

const historiesDir = join(root, 'tests', 'histories');
const histories = readdirSync(historiesDir).filter((f) => f.endsWith('.json'));

// The SDK checks ids of its own (e.g. `__sdk_internal_patch_number:1` for condition() with a zero timeout).
const sdkInternal = (id: string) => id.startsWith('__');

// The ids of Holdfast's own patches a recording checked.
function patchMarkers(file: string): string[] {
  const { events } = JSON.parse(readFileSync(join(historiesDir, file), 'utf8')) as {
    events: {
      markerRecordedEventAttributes?: { markerName: string; details: Record<string, { payloads: { data: string }[] }> };
    }[];
  };
  return events
    .map((e) => e.markerRecordedEventAttributes)
    .filter((m) => m?.markerName === 'core_patch')
    .flatMap((m) => Object.values(m!.details).flatMap((d) => d.payloads))
    .map((p) => (JSON.parse(Buffer.from(p.data, 'base64').toString()) as { id: string }).id)
    .filter((id) => !sdkInternal(id));
}

test('every patch id is a distinct string, checked by patched() or deprecatePatch() and named in the CHANGELOG', () => {
  for (const [name, id] of registry) {
    expect([name, typeof id]).toEqual([name, 'string']);
    expect([name, new RegExp(`\\b(patched|deprecatePatch)\\(\\s*${name}\\s*\\)`).test(workflowCode)]).toEqual([
      name,
      true,
    ]);
    expect([name, changelog.includes(id as string)]).toEqual([name, true]);
  }
  expect(ids.size).toBe(registry.length);
});

// A literal id (patched('x')) would escape the registry, its CHANGELOG line and the checks above.
test('every patched() and deprecatePatch() call in workflows/ names an id from the registry', () => {
  const calls = [...workflowCode.matchAll(/\b(?:patched|deprecatePatch)\(\s*([^)]*?)\s*\)/g)].map((m) => m[1]!);
  for (const arg of calls) expect([arg, registry.some(([name]) => name === arg)]).toEqual([arg, true]);
});

test('the recordings check only registered ids, and a pre-<id>-- recording names a registered id', () => {
  expect(histories.length).toBeGreaterThan(10);
  for (const file of histories) {
    expect([file, patchMarkers(file).filter((id) => !ids.has(id))]).toEqual([file, []]);
    const before = /^pre-(.+?)--/.exec(file)?.[1];
    if (before !== undefined) expect([file, ids.has(before)]).toEqual([file, true]);
  }
});

// A registered id is exercised both ways: some recording took the new code (it checks the id) and some was
// made before the change (pre-<id>--), so the replay test covers running cases of both kinds.
test('every registered id has a recording from before it and one after it', () => {
  for (const [name, id] of registry) {
    expect([name, histories.some((f) => f.startsWith(`pre-${String(id)}--`))]).toEqual([name, true]);
    expect([name, histories.some((f) => patchMarkers(f).includes(id as string))]).toEqual([name, true]);
  }
});
