// When each customer's first SMS reached the Twilio-shaped sink, indexed by phone number.
import type { Outbox } from '../../dev/sinks/outbox';

export class SmsArrivals {
  private readonly seen = new Map<string, number>();
  private readonly waiting = new Map<string, (at: number) => void>();
  private readonly unsubscribe: () => void;

  constructor(outbox: Outbox) {
    this.unsubscribe = outbox.subscribe((item) => {
      if (item.kind !== 'sms' || !item.to || this.seen.has(item.to)) return;
      const at = Date.now();
      this.seen.set(item.to, at);
      this.waiting.get(item.to)?.(at);
      this.waiting.delete(item.to);
    });
  }

  // Resolves with the arrival time (ms) of the first SMS to `phone`, or rejects after timeoutMs.
  first(phone: string, timeoutMs: number): Promise<number> {
    const at = this.seen.get(phone);
    if (at !== undefined) return Promise.resolve(at);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`no SMS reached ${phone} within ${timeoutMs / 1000} s`)),
        timeoutMs,
      );
      this.waiting.set(phone, (t) => {
        clearTimeout(timer);
        resolve(t);
      });
    });
  }

  get count(): number {
    return this.seen.size;
  }

  close(): void {
    this.unsubscribe();
  }
}
