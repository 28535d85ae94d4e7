// Runs a task for every item of a batch: items with the same key one after another in the order given, items
// with different keys up to `concurrency` at once. The answers come back in the items' order.
// A batch of signals needs both: one customer's signals must apply in order (the second joins the case the
// first opened), while a batch for many customers should not start their cases one at a time.
export async function mapInKeyOrder<T, R>(
  items: readonly T[],
  keyOf: (item: T, index: number) => string,
  concurrency: number,
  task: (item: T, index: number) => Promise<R>,
): Promise<R[]> {
  const groups = new Map<string, number[]>();
  items.forEach((item, i) => {
    const key = keyOf(item, i);
    const group = groups.get(key);
    if (group) group.push(i);
    else groups.set(key, [i]);
  });
  const queue = [...groups.values()];
  const results = new Array<R>(items.length);
  let failure: { error: unknown } | undefined;
  // After a failure no further group starts; those under way finish, so nothing is left running behind the answer.
  const runner = async () => {
    for (let group = queue.shift(); group; group = queue.shift()) {
      for (const i of group) {
        if (failure) return;
        try {
          results[i] = await task(items[i]!, i);
        } catch (error) {
          failure ??= { error };
          return;
        }
      }
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(concurrency, queue.length)) }, runner));
  if (failure) throw failure.error;
  return results;
}
