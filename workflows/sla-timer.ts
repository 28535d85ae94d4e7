// The deadline of the human wait in progress: past it the wait escalates through the playbook's levels, each
// with a grace period, and a supervisor may move it (an updatable timer). The case's SLA moves with it.
import { condition } from '@temporalio/workflow';
import type { CaseState } from '../domain/case';
import { durationMs } from '../domain/duration';
import type { AnswerKind } from './human-answers';

export interface Escalation {
  levels: string[];
  grace: string;
}

export class SlaTimer {
  private wait?: { kind: AnswerKind; dueMs: number; moved: number };

  constructor(private readonly state: CaseState) {}

  get waitingFor(): AnswerKind | undefined {
    return this.wait?.kind;
  }

  // A supervisor moves the current wait's deadline.
  moveDeadline(until: Date): void {
    this.wait!.dueMs = until.getTime();
    this.wait!.moved++;
    this.state.slaDueAt = until.toISOString();
  }

  // Waits until `arrived` or the deadline; each deadline passed escalates one level (onBreach records it) and
  // grants the grace period; with no level left, the wait ends.
  async escalating(
    kind: AnswerKind,
    timeoutMs: number,
    arrived: () => boolean,
    escalation: Escalation,
    onBreach: (level: string, nextDeadline: string) => Promise<void>,
  ): Promise<void> {
    let escalations = 0;
    this.wait = { kind, dueMs: Date.now() + timeoutMs, moved: 0 };
    for (;;) {
      const moved = this.wait.moved;
      await condition(() => arrived() || this.wait!.moved !== moved, Math.max(0, this.wait.dueMs - Date.now()));
      if (arrived()) break;
      if (this.wait.moved !== moved) continue;
      const level = escalation.levels[escalations++];
      if (!level) break;
      this.wait.dueMs = Date.now() + durationMs(escalation.grace);
      await onBreach(level, new Date(this.wait.dueMs).toISOString());
    }
    this.wait = undefined;
  }
}
