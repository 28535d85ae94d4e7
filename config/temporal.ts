// Temporal connection options from the environment: local dev server, or an external cluster with TLS/API key.
import { readFileSync } from 'node:fs';
import type { PayloadCodec } from '@temporalio/common';
import { requireEnv, type Env } from './env';
import { createPayloadCodec, parsePayloadKeys } from './payload-codec';

export interface TemporalConnectionConfig {
  address: string;
  namespace: string;
  taskQueue: string;
  tls?: { clientCertPair?: { crt: Buffer; key: Buffer } } | boolean;
  apiKey?: string;
  // Encrypts every payload; the client and the worker must share it (config/payload-codec.ts).
  payloadCodec: PayloadCodec;
}

// Never a plaintext fallback: without keys the process does not start.
function payloadCodecFromEnv(env: Env): PayloadCodec {
  return createPayloadCodec(
    parsePayloadKeys(
      requireEnv(
        env,
        'HOLDFAST_PAYLOAD_KEYS',
        'workflow payloads carry customer data and are encrypted (see docs/security.md)',
      ),
    ),
  );
}

export function temporalConfig(env: Env, address: string): TemporalConnectionConfig {
  const certPair =
    env.TEMPORAL_TLS_CERT_PATH && env.TEMPORAL_TLS_KEY_PATH
      ? { crt: readFileSync(env.TEMPORAL_TLS_CERT_PATH), key: readFileSync(env.TEMPORAL_TLS_KEY_PATH) }
      : undefined;
  const useTls = env.TEMPORAL_TLS === 'true' || certPair !== undefined || env.TEMPORAL_API_KEY !== undefined;
  return {
    address,
    namespace: env.TEMPORAL_NAMESPACE,
    taskQueue: env.TEMPORAL_TASK_QUEUE,
    tls: useTls ? (certPair ? { clientCertPair: certPair } : true) : undefined,
    apiKey: env.TEMPORAL_API_KEY,
    payloadCodec: payloadCodecFromEnv(env),
  };
}

// Options shared by Connection.connect (client) and NativeConnection.connect (worker).
export function connectionOptions(config: TemporalConnectionConfig) {
  return { address: config.address, tls: config.tls, apiKey: config.apiKey };
}
