// A playbook definition's faults, every one of them, each naming its field and saying in words what to
// change: the dashboard shows them beside the field as the admin types, and a draft with any cannot be
// published or dry-run. The rules are the version schema's own (playbookDefinitionSchema), never a copy.
import type { z } from 'zod';
import { playbookDefinitionSchema, type PlaybookDefinition } from './playbook';

interface FieldIssue {
  // Dotted path inside the definition, e.g. "contact.maxAttempts" or "appliesTo.tiers.0".
  field: string;
  message: string;
}

type Issue = z.core.$ZodIssue;

const NOUNS: Record<string, string> = {
  number: 'a number',
  string: 'a value',
  object: 'a group of settings',
  array: 'a list',
  boolean: 'true or false',
};

const bound = (
  issue: Issue & { minimum?: unknown; maximum?: unknown; origin?: string; inclusive?: boolean },
  word: 'least' | 'most',
) => {
  const limit = word === 'least' ? issue.minimum : issue.maximum;
  if (issue.origin === 'string')
    return word === 'least' && limit === 1 ? 'must not be empty' : `must be at ${word} ${limit} characters long`;
  if (issue.origin === 'array') return `must hold at ${word} ${limit} entries`;
  return issue.inclusive === false
    ? `must be ${word === 'least' ? 'more' : 'less'} than ${limit}`
    : `must be at ${word} ${limit}`;
};

// zod's own messages are written for developers ("Too big: expected number to be <=1"); the schema's custom
// messages (durations, times of day, ids) are already words and are kept as they are.
function describeIssue(issue: Issue): string {
  switch (issue.code) {
    case 'invalid_type': {
      const noun = NOUNS[issue.expected] ?? issue.expected;
      return issue.message.endsWith('received undefined')
        ? `is missing: give ${noun}`
        : issue.expected === 'int'
          ? 'must be a whole number'
          : `must be ${noun}`;
    }
    case 'too_small':
      return bound(issue, 'least');
    case 'too_big':
      return bound(issue, 'most');
    case 'invalid_value':
      return `must be one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}`;
    case 'unrecognized_keys':
      return `has settings a playbook does not know: ${issue.keys.join(', ')}`;
    default:
      return issue.message;
  }
}

export type PlaybookCheck =
  | { valid: true; definition: PlaybookDefinition; issues: [] }
  | { valid: false; issues: FieldIssue[] };

export function checkPlaybook(definition: unknown): PlaybookCheck {
  const result = playbookDefinitionSchema.safeParse(definition);
  if (result.success) return { valid: true, definition: result.data, issues: [] };
  const issues = result.error.issues.map((i) => ({
    field: i.path.join('.') || '(the whole playbook)',
    message: describeIssue(i),
  }));
  return { valid: false, issues };
}
