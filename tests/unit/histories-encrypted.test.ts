// The committed histories are what a raw history looks like in production: every payload the SDK writes is
// encrypted (tests/support/payload-keys.ts). Only the recordings from before encryption (pre-*) are plaintext,
// and what Temporal never passes through a codec: Core's own marker bookkeeping (a patch marker's id; a local
// activity marker's sequence number, attempt, activity type and times; its result is encrypted) and search
// attributes (stage, tier, driver, team: ids, never personal data).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const dir = join(__dirname, '..', 'histories');
const current = readdirSync(dir).filter((f) => f.endsWith('.json') && !f.startsWith('pre-'));
const ENCRYPTED = Buffer.from('binary/encrypted').toString('base64');

// Every payload's encoding in an event, outside patch markers and search attributes.
function encodings(node: unknown, inPatchMarker = false): string[] {
  if (Array.isArray(node)) return node.flatMap((n) => encodings(n, inPatchMarker));
  if (!node || typeof node !== 'object') return [];
  const o = node as Record<string, unknown>;
  const patch = inPatchMarker || o.markerName === 'core_patch';
  // A local activity marker: check its result, not Core's bookkeeping next to it.
  if (!patch && o.markerName === 'core_local_activity')
    return encodings((o.details as Record<string, unknown>).result, false);
  const own =
    !patch && o.metadata && typeof (o.metadata as Record<string, unknown>).encoding === 'string'
      ? [(o.metadata as Record<string, string>).encoding!]
      : [];
  return [
    ...own,
    ...Object.entries(o)
      .filter(([k]) => k !== 'searchAttributes')
      .flatMap(([, v]) => encodings(v, patch)),
  ];
}

test.each(current)('%s holds only encrypted payloads', (file) => {
  const history = JSON.parse(readFileSync(join(dir, file), 'utf8')) as { events: unknown[] };
  const found = encodings(history.events);
  expect(found.length).toBeGreaterThan(2);
  expect(found.filter((e) => e !== ENCRYPTED)).toEqual([]);
});
