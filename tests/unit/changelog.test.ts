// CHANGELOG.md reads like Keep a Changelog: each release once, newest first, and within a release each kind of
// change (Added, Changed, Fixed, …) under one heading, so a reader finds every change of a kind in one place.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const text = readFileSync(join(__dirname, '..', '..', 'CHANGELOG.md'), 'utf8');
const releases = text.split(/^## /m).slice(1);
const duplicates = (names: string[]) => names.filter((n, i) => names.indexOf(n) !== i);

test('each release has one section, and each section one heading per kind of change', () => {
  expect(duplicates(releases.map((r) => r.split('\n')[0]!.trim()))).toEqual([]);
  for (const release of releases) {
    const kinds = [...release.matchAll(/^### (.+)$/gm)].map((m) => m[1]!.trim());
    expect({ release: release.split('\n')[0], repeated: duplicates(kinds) }).toEqual({
      release: release.split('\n')[0],
      repeated: [],
    });
  }
});

test('releases run newest first', () => {
  const versions = releases
    .map((r) => /^(\d+)\.(\d+)\.(\d+)/.exec(r)?.slice(1).map(Number))
    .filter((v): v is number[] => v !== undefined)
    .map(([a, b, c]) => a! * 1e6 + b! * 1e3 + c!);
  expect(versions).toEqual([...versions].sort((x, y) => y - x));
});
