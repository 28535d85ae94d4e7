// A plain Temporal client on a harness's server and namespace, with its payload codec: for tests that start a
// workflow directly or read a case's history.
import { Client, Connection } from '@temporalio/client';
import type { Harness } from './harness';

export async function harnessClient(h: Harness): Promise<{ client: Client; close: () => Promise<void> }> {
  const connection = await Connection.connect({ address: h.temporal.address });
  const client = new Client({
    connection,
    namespace: h.temporal.namespace,
    dataConverter: { payloadCodecs: [h.temporal.payloadCodec] },
  });
  return { client, close: () => connection.close() };
}
