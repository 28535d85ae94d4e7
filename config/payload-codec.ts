// Every Temporal payload (workflow arguments and results, activity inputs, updates, signals: customer ids,
// signal details, agent notes, survey comments) is encrypted before it leaves the process: AES-256-GCM, which
// also authenticates it, with the key's id in the payload's metadata. Keys come from HOLDFAST_PAYLOAD_KEYS; the
// newest encrypts, any of them decrypts, so a key can be rotated while cases run. A payload without the
// encrypted encoding (written before encryption was turned on) is passed through as it is.
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import type { Payload, PayloadCodec } from '@temporalio/common';
import { temporal } from '@temporalio/proto';

export const ENCRYPTED_ENCODING = 'binary/encrypted';
// The sealed bytes are the payload as protobuf (Temporal's own Payload message). The JSON form sealed before
// 1.0 ('AES256-GCM') was retired with the other pre-release paths: no history holds it.
const CIPHER = 'AES256-GCM/pb';
const IV_BYTES = 12;
const TAG_BYTES = 16;

export interface PayloadKey {
  id: string;
  key: Buffer;
}

const text = (s: string) => new TextEncoder().encode(s);
const str = (b: Uint8Array | null | undefined) => (b ? Buffer.from(b).toString('utf8') : '');

// "id:base64,id:base64", oldest first; each key 32 bytes. Throws with what is wrong, never with a key.
export function parsePayloadKeys(value: string): PayloadKey[] {
  const keys = value.split(',').map((entry, i) => {
    const [id, material, ...rest] = entry.trim().split(':');
    const key = Buffer.from(material ?? '', 'base64');
    if (!id || !/^[A-Za-z0-9._-]{1,64}$/.test(id) || rest.length || key.length !== 32) {
      throw new Error(
        `HOLDFAST_PAYLOAD_KEYS entry ${i + 1} must be <id>:<32 bytes in base64> (the id: letters, digits, ".", "_", "-")`,
      );
    }
    return { id, key };
  });
  if (new Set(keys.map((k) => k.id)).size !== keys.length)
    throw new Error('HOLDFAST_PAYLOAD_KEYS has two keys with the same id');
  return keys;
}

export const newPayloadKey = (id: string) => `${id}:${randomBytes(32).toString('base64')}`;

// A payload as JSON with its bytes in base64: the shape of Temporal's remote codec protocol.
export interface JsonPayload {
  metadata?: Record<string, string>;
  data?: string;
}

export const payloadToJson = (p: Payload): Required<JsonPayload> => ({
  metadata: Object.fromEntries(
    Object.entries(p.metadata ?? {}).map(([k, v]) => [k, Buffer.from(v).toString('base64')]),
  ),
  data: Buffer.from(p.data ?? new Uint8Array()).toString('base64'),
});

export const payloadFromJson = (p: JsonPayload): Payload => ({
  metadata: Object.fromEntries(
    Object.entries(p.metadata ?? {}).map(([k, v]) => [k, new Uint8Array(Buffer.from(v, 'base64'))]),
  ),
  data: new Uint8Array(Buffer.from(p.data ?? '', 'base64')),
});

// The payload (metadata and data) as bytes, so the encoding and any other metadata are encrypted too.
const serialise = (p: Payload) => temporal.api.common.v1.Payload.encode(p).finish();

function deserialise(bytes: Buffer): Payload {
  const { metadata, data } = temporal.api.common.v1.Payload.decode(bytes);
  return { metadata: metadata ?? {}, data: data ?? new Uint8Array() };
}

export function createPayloadCodec(keys: PayloadKey[]): PayloadCodec {
  if (keys.length === 0) throw new Error('no payload key');
  const current = keys.at(-1)!;
  const byId = new Map(keys.map((k) => [k.id, k.key]));

  const encrypt = (p: Payload): Payload => {
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', current.key, iv);
    const sealed = Buffer.concat([iv, cipher.update(serialise(p)), cipher.final(), cipher.getAuthTag()]);
    return {
      metadata: {
        encoding: text(ENCRYPTED_ENCODING),
        'encryption-cipher': text(CIPHER),
        'encryption-key-id': text(current.id),
      },
      data: new Uint8Array(sealed),
    };
  };

  const decrypt = (p: Payload): Payload => {
    if (str(p.metadata?.encoding) !== ENCRYPTED_ENCODING) return p;
    const keyId = str(p.metadata?.['encryption-key-id']);
    const key = byId.get(keyId);
    if (!key) throw new Error(`payload encrypted with key "${keyId}", which is not in HOLDFAST_PAYLOAD_KEYS`);
    const cipher = str(p.metadata?.['encryption-cipher']);
    if (cipher !== CIPHER)
      throw new Error(`payload sealed with cipher "${cipher}", which Holdfast does not read (it seals with ${CIPHER})`);
    const sealed = Buffer.from(p.data ?? new Uint8Array());
    const decipher = createDecipheriv('aes-256-gcm', key, sealed.subarray(0, IV_BYTES));
    decipher.setAuthTag(sealed.subarray(sealed.length - TAG_BYTES));
    return deserialise(
      Buffer.concat([decipher.update(sealed.subarray(IV_BYTES, sealed.length - TAG_BYTES)), decipher.final()]),
    );
  };

  return {
    encode: async (payloads) => payloads.map(encrypt),
    decode: async (payloads) => payloads.map(decrypt),
  };
}
