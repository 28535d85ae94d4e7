// The human steps' input schemas, loaded on the first answer a case validates rather than with the case:
// with the reusable V8 context every new case loads the modules it imports, and zod with these schemas was a
// large share of a new case's CPU and memory. Loading is deterministic and touches no workflow state.
import type * as HumanSteps from '../domain/human-steps';

let loaded: typeof HumanSteps | undefined;

export function stepSchemas(): typeof HumanSteps {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  loaded ??= require('../domain/human-steps') as typeof HumanSteps;
  return loaded;
}
