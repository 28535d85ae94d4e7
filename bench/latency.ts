// Latency from signal to first contact at a steady offered load below capacity: signals for new customers
// sent open-loop at `rate` per second for `seconds` (a late answer does not slow the sender down), timed from
// the request to the 202 and from the request to the SMS reaching the sink.
import { SmsArrivals } from './support/arrivals';
import { percentile, round, say } from './support/measure';
import { type BenchStack, createBenchCustomers, postSignal } from './support/stack';

export interface LatencyOptions {
  rate: number;
  seconds: number;
}

export async function benchLatency(stack: BenchStack, options: LatencyOptions) {
  const n = Math.round(options.rate * options.seconds);
  const run = `${Date.now()}`;
  const customers = await createBenchCustomers(stack.db, `latency-${run}`, n, 5_560_000_000);
  const arrivals = new SmsArrivals(stack.sinks.outbox);
  const accepted: number[] = [];
  const toContact: number[] = [];
  let errors = 0;
  const started = Date.now();
  const tick = setInterval(
    () => say(`latency: ${accepted.length}/${n} accepted, ${toContact.length} contacted`),
    2_000,
  );
  const sends = customers.map(async (c, i) => {
    const due = started + (i * 1000) / options.rate;
    await new Promise((r) => setTimeout(r, Math.max(0, due - Date.now())));
    const t0 = Date.now();
    const contacted = arrivals.first(c.phone, 300_000);
    const res = await postSignal(stack, c.id, `bench-${run}-${i}`);
    accepted.push(Date.now() - t0);
    if (res.status !== 202) {
      errors++;
      return;
    }
    toContact.push((await contacted) - t0);
  });
  try {
    await Promise.all(sends);
  } finally {
    clearInterval(tick);
    arrivals.close();
  }
  return {
    offered: { rate: options.rate, seconds: options.seconds, signals: n },
    errors,
    acceptMs: { p50: percentile(accepted, 50), p99: percentile(accepted, 99) },
    firstContactMs: { p50: percentile(toContact, 50), p95: percentile(toContact, 95), p99: percentile(toContact, 99) },
    achievedRate: round(n / ((Date.now() - started) / 1000)),
  };
}
