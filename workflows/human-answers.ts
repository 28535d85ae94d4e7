// The answers people give a waiting case (the agent's contact outcome, a supervisor's approval, the customer's
// offer decision and survey score), with one protocol for all four: the update's validator asks whether the
// answer is expected now (isExpecting); its handler begins the answer, records it, then gives it; the waiting
// stage takes it (take). An answer accepted before its wait ended is honoured even if the wait times out meanwhile.
import { condition } from '@temporalio/workflow';
import type {
  Actor,
  ContactOutcomeInput,
  OfferApprovalInput,
  OfferDecisionInput,
  SurveyAnswerInput,
} from '../domain/human-steps';

export interface HumanAnswers {
  contact: ContactOutcomeInput & Actor;
  approval: OfferApprovalInput & Actor;
  decision: OfferDecisionInput & Actor;
  survey: SurveyAnswerInput & Actor;
}
export type AnswerKind = keyof HumanAnswers;

export class HumanAnswerDesk {
  private readonly given: Partial<HumanAnswers> = {};
  // Answers accepted but still being recorded; validators reject a second answer meanwhile.
  private readonly answering = new Set<AnswerKind>();
  // The answer the case is open for now: from the moment a stage announces the wait until it ends.
  private expecting?: AnswerKind;
  // The stage is about to announce it waits for this answer: from now on it is accepted (and kept if it
  // arrives before take() starts waiting).
  expect(kind: AnswerKind): void {
    this.expecting = kind;
  }

  // Whether an answer of this kind is accepted now: only while the case waits for it, and not twice.
  isExpecting(kind: AnswerKind): boolean {
    return !this.answering.has(kind) && this.expecting === kind;
  }

  begin(kind: AnswerKind): void {
    this.answering.add(kind);
  }

  give<K extends AnswerKind>(kind: K, answer: HumanAnswers[K]): void {
    this.given[kind] = answer;
  }

  // Waits with `wait` (given a predicate that turns true once an answer arrived or `interrupted` ends the wait
  // early), then returns the answer, if any; one still being recorded is waited for.
  async take<K extends AnswerKind>(
    kind: K,
    interrupted: () => boolean,
    wait: (arrived: () => boolean) => Promise<void>,
  ): Promise<HumanAnswers[K] | undefined> {
    this.expecting = kind;
    await wait(() => this.given[kind] !== undefined || (interrupted() && !this.answering.has(kind)));
    this.expecting = undefined;
    if (this.answering.has(kind)) await condition(() => this.given[kind] !== undefined);
    const answer = this.given[kind];
    delete this.given[kind];
    this.answering.delete(kind);
    return answer;
  }
}
