// Schemas the workflow needs only sometimes, loaded on first use rather than with the case: with the
// reusable V8 context every new case loads the modules it imports, and zod with these schemas was a large
// share of a new case's CPU and memory. Loading is deterministic and touches no workflow state.
import type * as HumanSteps from '../domain/human-steps';

// The human steps' input schemas, on the first answer a case validates (require keeps the module after).
export function stepSchemas(): typeof HumanSteps {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require('../domain/human-steps') as typeof HumanSteps;
}
