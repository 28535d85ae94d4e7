// A short-lived Temporal client for the worker's start-up work on its Schedules (detection, anonymisation):
// connected with the worker's settings and payload codec, closed when the work is done.
import { Client, Connection } from '@temporalio/client';
import { connectionOptions, type TemporalConnectionConfig } from '../config/temporal';

export async function withScheduleClient<T>(
  temporal: TemporalConnectionConfig,
  work: (client: Client) => Promise<T>,
): Promise<T> {
  const connection = await Connection.connect(connectionOptions(temporal));
  try {
    const client = new Client({
      connection,
      namespace: temporal.namespace,
      dataConverter: { payloadCodecs: [temporal.payloadCodec] },
    });
    return await work(client);
  } finally {
    await connection.close();
  }
}
