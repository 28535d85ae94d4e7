// One dependency's outage as this process sees it (PostgreSQL from the CRM relay, Temporal from the API...).
// A loop that fails every few hundred milliseconds would log hundreds of identical lines; this logs the outage
// once when it starts, every `remindEveryMs` while it lasts, and once when it ends, with its length, and
// tells the loop how long to back off. /metrics and GET /v1/status read its state.
import type { Logger } from './logger';

export interface Outage {
  dependency: string;
  startedAt: Date;
  seconds: number;
  failures: number;
  lastError: string;
}

export interface OutageWatchOptions {
  remindEveryMs?: number;
  // Back-off of the loop that reports here: first, and the cap.
  firstDelayMs?: number;
  maxDelayMs?: number;
  now?: () => number;
  // Called once per ended outage (the worker keeps it in PostgreSQL for GET /v1/status).
  onEnd?: (outage: Outage) => unknown;
}

export class OutageWatch {
  private started?: number;
  private lastReminder = 0;
  private failures = 0;
  private lastError = '';
  private ended = 0;
  private endedOutage?: Outage;
  private readonly now: () => number;

  constructor(
    readonly dependency: string,
    private readonly logger: Logger,
    private readonly options: OutageWatchOptions = {},
  ) {
    this.now = options.now ?? Date.now;
  }

  // A call to the dependency failed; returns how long the caller should wait before its next try.
  failed(error: unknown): number {
    const at = this.now();
    this.failures++;
    this.lastError = String((error as Error)?.message ?? error).slice(0, 300);
    if (this.started === undefined) {
      this.started = this.lastReminder = at;
      this.logger.warn(`${this.dependency} is not answering; backing off until it does`, {
        dependency: this.dependency,
        error: this.lastError,
      });
    } else if (at - this.lastReminder >= (this.options.remindEveryMs ?? 60_000)) {
      this.lastReminder = at;
      this.logger.warn(`${this.dependency} still not answering`, {
        dependency: this.dependency,
        outageSeconds: Math.round((at - this.started) / 1000),
        failures: this.failures,
        error: this.lastError,
      });
    }
    return Math.min(
      this.options.maxDelayMs ?? 30_000,
      (this.options.firstDelayMs ?? 1_000) * 2 ** Math.min(this.failures - 1, 16),
    );
  }

  // A call to the dependency succeeded: an outage under way has ended.
  succeeded(): void {
    if (this.started === undefined) return;
    const outage = this.snapshot()!;
    this.started = undefined;
    this.failures = 0;
    this.ended++;
    this.endedOutage = outage;
    this.logger.info(`${this.dependency} is answering again`, {
      dependency: this.dependency,
      outageSeconds: outage.seconds,
      failures: outage.failures,
    });
    void Promise.resolve(this.options.onEnd?.(outage)).catch((e) =>
      this.logger.warn('could not keep the ended outage', { dependency: this.dependency, error: String(e) }),
    );
  }

  get down(): boolean {
    return this.started !== undefined;
  }

  // The outage under way, if any.
  current(): Outage | undefined {
    return this.snapshot();
  }

  // The last outage that ended, and how many have ended since this process started.
  get last(): Outage | undefined {
    return this.endedOutage;
  }
  get endedCount(): number {
    return this.ended;
  }

  private snapshot(): Outage | undefined {
    if (this.started === undefined) return undefined;
    return {
      dependency: this.dependency,
      startedAt: new Date(this.started),
      seconds: Math.round((this.now() - this.started) / 1000),
      failures: this.failures,
      lastError: this.lastError,
    };
  }
}
