// Operations a deployment relies on: a worker started before Temporal answers waits for it (saying so) and
// then works; SIGTERM drains the API (/ready 503 first) and the worker, and both exit 0.
import { createServer, connect, type Server } from 'node:net';
import type { ChildProcess } from 'node:child_process';
import { freePort } from '../../dev/ports';
import { eventually, startHarness, type Harness } from '../support/harness';
import { startApiProcess, startWorkerProcess } from '../support/processes';

let h: Harness;
const children: ChildProcess[] = [];
const servers: Server[] = [];
beforeAll(async () => {
  h = await startHarness({ worker: false });
});
afterAll(async () => {
  for (const c of children) c.kill('SIGKILL');
  for (const s of servers) s.close();
  await h?.stop();
});

const exitCode = (child: ChildProcess) =>
  new Promise<number | null>((resolve) =>
    child.exitCode !== null ? resolve(child.exitCode) : child.once('exit', (code) => resolve(code)),
  );

// A TCP forwarder to Temporal, opened only when the test says so: Temporal "comes up later".
function forwarder(port: number, target: string): Promise<Server> {
  const [host, targetPort] = target.split(':');
  const server = createServer((socket) => {
    const upstream = connect(Number(targetPort), host);
    socket.pipe(upstream).pipe(socket);
    socket.on('error', () => upstream.destroy());
    upstream.on('error', () => socket.destroy());
  });
  servers.push(server);
  return new Promise((resolve) => server.listen(port, '127.0.0.1', () => resolve(server)));
}

test('a worker started before Temporal is reachable waits with a clear log line, starts once it is, and exits 0 on SIGTERM', async () => {
  const port = await freePort();
  const lines: string[] = [];
  const starting = startWorkerProcess(
    { ...h.env, TEMPORAL_ADDRESS: `127.0.0.1:${port}`, LOG_LEVEL: 'info' },
    { lines: (l) => lines.push(l) },
  );
  await eventually(
    async () => (lines.some((l) => l.includes('"waiting for Temporal at 127.0.0.1:')) ? true : undefined),
    'the worker to say it waits for Temporal',
    30_000,
  );
  await forwarder(port, h.temporal.address);
  const worker = await starting;
  children.push(worker);
  const exited = exitCode(worker);
  worker.kill('SIGTERM');
  expect(await exited).toBe(0);
  expect(lines.some((l) => l.includes('"worker stopped"'))).toBe(true);
});

test('SIGTERM: the API answers /ready with 503 while it drains, keeps serving, then exits 0', async () => {
  const api = await startApiProcess({ ...h.env, HOLDFAST_DRAIN_SECONDS: '2' }, await freePort());
  children.push(api.child);
  expect((await fetch(`${api.baseUrl}/ready`)).status).toBe(200);
  const exited = exitCode(api.child);
  api.child.kill('SIGTERM');
  await new Promise((r) => setTimeout(r, 300));
  const ready = await fetch(`${api.baseUrl}/ready`);
  expect(ready.status).toBe(503);
  expect(((await ready.json()) as { status: string }).status).toBe('draining');
  // Still serving meanwhile.
  expect(
    (await fetch(`${api.baseUrl}/v1/me`, { headers: { authorization: `Bearer ${h.keys.supervisor}` } })).status,
  ).toBe(200);
  expect(await exited).toBe(0);
});
