import { mapInKeyOrder } from '../../api/http/keyed-pool';

// A task that waits until the test lets it finish, recording when it started and ended.
function gatedTasks() {
  const log: string[] = [];
  const gates = new Map<string, () => void>();
  let inFlight = 0;
  let maxInFlight = 0;
  const task = async (item: { key: string; name: string }) => {
    log.push(`start ${item.name}`);
    maxInFlight = Math.max(maxInFlight, ++inFlight);
    await new Promise<void>((resolve) => gates.set(item.name, resolve));
    inFlight--;
    log.push(`end ${item.name}`);
    if (item.name.startsWith('fail')) throw new Error(`${item.name} failed`);
    return item.name.toUpperCase();
  };
  const settle = () => new Promise((r) => setImmediate(r));
  const release = async (name: string) => {
    await settle();
    const open = gates.get(name);
    if (!open) throw new Error(`${name} has not started; log: ${log.join(', ')}`);
    open();
    await settle();
  };
  return { log, task, release, maxInFlight: () => maxInFlight };
}

const item = (key: string, name: string) => ({ key, name });
const byKey = (x: { key: string }) => x.key;

test('items with different keys run together, up to the concurrency', async () => {
  const t = gatedTasks();
  const items = [item('a', 'a1'), item('b', 'b1'), item('c', 'c1'), item('d', 'd1')];
  const done = mapInKeyOrder(items, byKey, 3, t.task);
  await new Promise((r) => setImmediate(r));
  expect(t.log).toEqual(['start a1', 'start b1', 'start c1']);
  for (const name of ['c1', 'a1', 'b1', 'd1']) await t.release(name);
  expect(await done).toEqual(['A1', 'B1', 'C1', 'D1']);
  expect(t.maxInFlight()).toBe(3);
});

test('items with the same key run one after another, in the order given', async () => {
  const t = gatedTasks();
  const items = [item('a', 'a1'), item('b', 'b1'), item('a', 'a2'), item('a', 'a3')];
  const done = mapInKeyOrder(items, byKey, 4, t.task);
  await new Promise((r) => setImmediate(r));
  expect(t.log).toEqual(['start a1', 'start b1']);
  await t.release('b1');
  await t.release('a1');
  await t.release('a2');
  await t.release('a3');
  expect(await done).toEqual(['A1', 'B1', 'A2', 'A3']);
  expect(t.log.filter((l) => / a\d$/.test(l))).toEqual([
    'start a1',
    'end a1',
    'start a2',
    'end a2',
    'start a3',
    'end a3',
  ]);
});

test('after a failure no further item starts, those under way finish, and the failure is thrown', async () => {
  const t = gatedTasks();
  const items = [item('a', 'fail-a1'), item('b', 'b1'), item('a', 'a2'), item('c', 'c1')];
  const done = mapInKeyOrder(items, byKey, 2, t.task);
  const outcome = done.then(
    () => 'resolved',
    (e: Error) => e.message,
  );
  await t.release('fail-a1');
  let answered = false;
  void outcome.then(() => (answered = true));
  await new Promise((r) => setImmediate(r));
  expect(answered).toBe(false);
  await t.release('b1');
  expect(await outcome).toBe('fail-a1 failed');
  expect(t.log).not.toContain('start a2');
  expect(t.log).not.toContain('start c1');
});

test('an empty batch answers nothing', async () => {
  expect(
    await mapInKeyOrder(
      [],
      () => 'k',
      4,
      async () => 1,
    ),
  ).toEqual([]);
});
