// The `npm start` stack runs the API and the worker as children: a child that stops on its own must be
// reported in words, and a child that dies before it says it is ready must not leave the stack waiting.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { messageFrom, startStackChild, stopStackChild } from '../../dev/stack-child';

let dir: string;
beforeAll(() => (dir = mkdtempSync(join(tmpdir(), 'holdfast-stack-child-'))));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function script(name: string, body: string): string {
  const file = join(dir, name);
  writeFileSync(file, body);
  return file;
}

test('a child that exits on its own is reported with its exit code', async () => {
  const child = startStackChild('worker', script('crash.ts', 'process.exit(3);'), process.env);
  await expect(child.exited).resolves.toBe('the worker stopped (exit code 3)');
});

test('waiting for a message from a child that dies first fails with why', async () => {
  const child = startStackChild(
    'API',
    script('dies.ts', "process.send?.({ sinks: { SMTP_URL: 'smtp://x' } }); setTimeout(() => process.exit(1), 200);"),
    process.env,
  );
  await expect(messageFrom(child, (m) => (m as { sinks?: object }).sinks)).resolves.toEqual({ SMTP_URL: 'smtp://x' });
  await expect(messageFrom(child, (m) => (m as { listening?: number }).listening)).rejects.toThrow(
    'the API stopped (exit code 1)',
  );
});

test('stopping a child asks it with SIGTERM and waits until it is gone', async () => {
  const child = startStackChild(
    'API',
    script(
      'waits.ts',
      "process.on('SIGTERM', () => { process.send?.({ bye: true }); process.exit(0); }); process.send?.({ listening: 1 }); setInterval(() => {}, 1000);",
    ),
    process.env,
  );
  await messageFrom(child, (m) => (m as { listening?: number }).listening);
  await stopStackChild(child);
  await expect(child.exited).resolves.toBe('the API stopped (exit code 0)');
});
