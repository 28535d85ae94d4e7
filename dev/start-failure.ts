// A dependency of the local stack or the test setup that could not start. Its message is one line saying
// what failed and what to do; the entry points print it without a stack trace, because the trace says
// nothing a person starting Holdfast can act on.
export class StartFailure extends Error {
  constructor(what: string, todo: string) {
    super(`${what} — ${todo}`);
    this.name = 'StartFailure';
  }
}

// One line for a person: a StartFailure as it is, anything else with its message only.
export function startFailureLine(e: unknown): string {
  return e instanceof Error ? (e.message.split('\n')[0] ?? e.name) : String(e);
}
