// Why a case runs its playbook, kept with the case when it opens (the case_opened event's data) and shown on
// the case page: which playbook and version, what of the customer its appliesTo matched (or that it was named,
// or is the default), and whether the playbook declines to treat the customer.
import { declineWords } from './decline-to-treat';
import type { DeclineRule } from './playbook';
import type { Choice, Matched } from './playbook-selection';

export interface PlaybookChoice {
  playbook: { id: string; version: number };
  basis: Choice['basis'];
  matched: Matched;
  // The live experiment that pinned this version, and the arm.
  experiment?: { experimentId: string; arm: string };
  // The playbook's rule that leaves this customer alone: the case closes excluded, without contact.
  declined?: DeclineRule;
  // The above in one sentence, e.g. "premier-decline v2: appliesTo matched tier premier, stage decline".
  summary: string;
}

const basisWords = (basis: Choice['basis'], matched: Matched, namedBy: string) => {
  if (basis === 'named') return `named by ${namedBy}`;
  if (basis === 'default') return 'the default playbook: no other playbook applies to this customer';
  const parts = Object.entries(matched).map(([key, value]) => `${key} ${value}`);
  return `appliesTo matched ${parts.join(', ')}`;
};

export function explainChoice(
  choice: Pick<Choice, 'basis' | 'matched'>,
  pinned: { id: string; version: number },
  extra: { namedBy: string; declined?: DeclineRule; experiment?: PlaybookChoice['experiment'] },
): PlaybookChoice {
  const { namedBy, declined, experiment } = extra;
  const words = [`${pinned.id} v${pinned.version}: ${basisWords(choice.basis, choice.matched, namedBy)}`];
  if (experiment) words.push(`version from experiment ${experiment.experimentId}, arm ${experiment.arm}`);
  if (declined) words.push(`declined to treat: ${declineWords(declined)}`);
  return {
    playbook: { id: pinned.id, version: pinned.version },
    basis: choice.basis,
    matched: choice.matched,
    ...(experiment ? { experiment } : {}),
    ...(declined ? { declined } : {}),
    summary: words.join('; '),
  };
}
