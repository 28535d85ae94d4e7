// npm start's payload key: made on the first start and kept under .data/ (owner-only), so cases of the local
// stack stay readable across restarts. HOLDFAST_PAYLOAD_KEYS, when set, wins.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { newPayloadKey } from '../config/payload-codec';

export function localPayloadKeys(dataDir: string): string {
  const file = join(dataDir, 'payload-keys');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(dataDir, { recursive: true });
  const keys = newPayloadKey(`local-${new Date().toISOString().slice(0, 10)}`);
  writeFileSync(file, `${keys}\n`, { mode: 0o600 });
  return keys;
}
