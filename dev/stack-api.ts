// The `npm start` stack's API child: the local SMTP / Twilio-shaped / CRM sinks (their outbox is served at
// /dev/outbox, so they live with the API) and the API itself. Tells its parent the sinks' addresses, then
// that it listens, over the IPC channel.
import { parseEnv } from '../config/env';
import { createLogger } from '../config/logger';
import { serveApi } from '../api/api-process';
import { startLocalSinks } from './sinks';

export type StackApiMessage = { sinks: Record<string, string> } | { listening: number };

async function main(): Promise<void> {
  const sinks = await startLocalSinks();
  process.send?.({ sinks: sinks.env } satisfies StackApiMessage);
  // Providers the user configured win; the rest go to the local sinks.
  const env = parseEnv({ ...sinks.env, ...process.env });
  const logger = createLogger(env.LOG_LEVEL, { service: 'api' });
  const temporalUi = process.env.HOLDFAST_DEV_TEMPORAL_UI;
  await serveApi(env, logger, {
    outbox: sinks.outbox,
    extraCodecOrigins: temporalUi ? [new URL(temporalUi).origin] : [],
    onStopped: sinks.close,
  });
  process.send?.({ listening: env.PORT } satisfies StackApiMessage);
}

main().catch((e) => {
  console.error(`[holdfast] the API could not start: ${(e as Error).message}`);
  process.exit(1);
});
