// What the local sinks captured (SMS, emails, CRM calls), newest first; served at /dev/outbox.
export type OutboxKind = 'sms' | 'email' | 'crm';

export interface OutboxItem {
  id: number;
  kind: OutboxKind;
  at: string;
  to?: string;
  from?: string;
  subject?: string;
  body: string;
  data?: Record<string, unknown>;
}

type Waiter = { match: (item: OutboxItem) => boolean; resolve: (item: OutboxItem) => void };

export class Outbox {
  private items: OutboxItem[] = [];
  private waiters: Waiter[] = [];
  private nextId = 1;
  private readonly listeners = new Set<(item: OutboxItem) => void>();

  add(item: Omit<OutboxItem, 'id' | 'at'>): OutboxItem {
    const stored = { ...item, id: this.nextId++, at: new Date().toISOString() };
    this.items.unshift(stored);
    const answered = this.waiters.filter((w) => w.match(stored));
    this.waiters = this.waiters.filter((w) => !answered.includes(w));
    for (const w of answered) w.resolve(stored);
    for (const listener of this.listeners) listener(stored);
    return stored;
  }

  // Calls `listener` with every item captured from now on (benchmarks index thousands of arrivals this way,
  // where one waitFor() per message would scan every waiter on every arrival). Returns the unsubscribe.
  subscribe(listener: (item: OutboxItem) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  list(filter: { kind?: OutboxKind; limit?: number } = {}): OutboxItem[] {
    const matching = filter.kind ? this.items.filter((i) => i.kind === filter.kind) : this.items;
    return matching.slice(0, filter.limit ?? matching.length);
  }

  // Resolves with the first item (already captured or arriving later) that matches.
  waitFor(match: (item: OutboxItem) => boolean, timeoutMs = 30_000): Promise<OutboxItem> {
    const found = this.items.find(match);
    if (found) return Promise.resolve(found);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiters = this.waiters.filter((w) => w !== waiter);
        reject(new Error(`nothing matching arrived in the outbox within ${timeoutMs} ms`));
      }, timeoutMs);
      const waiter: Waiter = {
        match,
        resolve: (item) => {
          clearTimeout(timer);
          resolve(item);
        },
      };
      this.waiters.push(waiter);
    });
  }
}
