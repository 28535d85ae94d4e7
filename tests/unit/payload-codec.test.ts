// Payload encryption: what goes to Temporal is unreadable and authenticated, keys rotate without breaking
// what was written before, and payloads from before encryption still decode.
import type { Payload } from '@temporalio/common';
import { testPayloadCodec } from '../support/payload-keys';
import { parseEnv } from '../../config/env';
import { createPayloadCodec, ENCRYPTED_ENCODING, newPayloadKey, parsePayloadKeys } from '../../config/payload-codec';
import { temporalConfig } from '../../config/temporal';

const json = (value: unknown): Payload => ({
  metadata: { encoding: new TextEncoder().encode('json/plain') },
  data: new TextEncoder().encode(JSON.stringify(value)),
});
const secret = { customer: 'Ana Pérez', phone: '+34600111222', note: 'the adviser was rude' };

test('an encoded payload hides its content and decodes back to the same bytes', async () => {
  const codec = createPayloadCodec(parsePayloadKeys(newPayloadKey('k1')));
  const [encoded] = await codec.encode([json(secret)]);
  expect(Buffer.from(encoded!.metadata!.encoding!).toString()).toBe(ENCRYPTED_ENCODING);
  expect(Buffer.from(encoded!.metadata!['encryption-key-id']!).toString()).toBe('k1');
  const raw = Buffer.from(encoded!.data!).toString('latin1');
  for (const word of ['Ana', '+34600111222', 'rude', 'json/plain']) expect(raw).not.toContain(word);
  const [decoded] = await codec.decode([encoded!]);
  expect(JSON.parse(Buffer.from(decoded!.data!).toString())).toEqual(secret);
  expect(Buffer.from(decoded!.metadata!.encoding!).toString()).toBe('json/plain');
});

test('the same payload encrypts differently each time (a fresh IV)', async () => {
  const codec = createPayloadCodec(parsePayloadKeys(newPayloadKey('k1')));
  const [a, b] = await codec.encode([json(secret), json(secret)]);
  expect(Buffer.from(a!.data!).equals(Buffer.from(b!.data!))).toBe(false);
});

test('rotation: the newest key encrypts, older keys still decrypt what they wrote', async () => {
  const old = newPayloadKey('2026-01');
  const [written] = await createPayloadCodec(parsePayloadKeys(old)).encode([json(secret)]);
  const rotated = createPayloadCodec(parsePayloadKeys(`${old},${newPayloadKey('2026-06')}`));
  expect(JSON.parse(Buffer.from((await rotated.decode([written!]))[0]!.data!).toString())).toEqual(secret);
  const [fresh] = await rotated.encode([json(secret)]);
  expect(Buffer.from(fresh!.metadata!['encryption-key-id']!).toString()).toBe('2026-06');
});

test('a tampered payload or an unknown key is refused; plaintext from before encryption passes through', async () => {
  const codec = createPayloadCodec(parsePayloadKeys(newPayloadKey('k1')));
  const [encoded] = await codec.encode([json(secret)]);
  const tampered = { ...encoded!, data: Uint8Array.from(encoded!.data!, (b, i) => (i === 20 ? b ^ 1 : b)) };
  await expect(codec.decode([tampered])).rejects.toThrow();
  await expect(createPayloadCodec(parsePayloadKeys(newPayloadKey('k2'))).decode([encoded!])).rejects.toThrow(
    'key "k1", which is not in HOLDFAST_PAYLOAD_KEYS',
  );
  const plain = json({ before: true });
  expect(await codec.decode([plain])).toEqual([plain]);
});

test('malformed keys are refused with the entry named, never echoing key material', () => {
  expect(() => parsePayloadKeys('k1:dG9vLXNob3J0')).toThrow(
    'HOLDFAST_PAYLOAD_KEYS entry 1 must be <id>:<32 bytes in base64>',
  );
  const good = newPayloadKey('a');
  expect(() => parsePayloadKeys(`${good},${good}`)).toThrow('two keys with the same id');
  const material = good.split(':')[1]!;
  let message = '';
  try {
    parsePayloadKeys(`${good},bad id:${material}`);
  } catch (e) {
    message = String(e);
  }
  expect(message).toContain('entry 2');
  expect(message).not.toContain(material);
});

test('a process without payload keys does not start: a clear error, not plaintext', () => {
  expect(() => temporalConfig(parseEnv({ TEMPORAL_ADDRESS: 'temporal:7233' }), 'temporal:7233')).toThrow(
    'HOLDFAST_PAYLOAD_KEYS must be set',
  );
  expect(() => temporalConfig(parseEnv({ HOLDFAST_PAYLOAD_KEYS: 'k1:short' }), 'temporal:7233')).toThrow(
    'HOLDFAST_PAYLOAD_KEYS entry 1',
  );
});

test('payloads are sealed as protobuf and open again; a cipher Holdfast does not write is refused by name', async () => {
  const codec = testPayloadCodec();
  const plain: Payload = {
    metadata: { encoding: new TextEncoder().encode('json/plain') },
    data: new TextEncoder().encode(JSON.stringify({ note: 'call after 6pm' })),
  };
  const [sealed] = await codec.encode([plain]);
  expect(Buffer.from(sealed!.metadata!['encryption-cipher']!).toString()).toBe('AES256-GCM/pb');
  expect(Buffer.from(sealed!.data!).toString('latin1')).not.toContain('call after 6pm');
  const [again] = await codec.decode([sealed!]);
  expect(Buffer.from(again!.data!)).toEqual(Buffer.from(plain.data!));
  const foreign = {
    ...sealed!,
    metadata: { ...sealed!.metadata, 'encryption-cipher': new TextEncoder().encode('AES256-GCM') },
  };
  await expect(codec.decode([foreign])).rejects.toThrow('cipher "AES256-GCM", which Holdfast does not read');
});
