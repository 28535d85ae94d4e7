// The bank's words, from the same module the API validates with: the dashboard cannot offer a value the
// API would refuse.
import { STAGES } from '../../domain/vocabulary';

export { CONTACT_OUTCOMES, DRIVERS, OUTCOME_CHANNELS, SUPERVISOR_OUTCOMES, TIERS } from '../../domain/vocabulary';
export { REPORT_GROUPS } from '../../domain/retention-report';
export const OPEN_STAGES = STAGES.filter((s) => s !== 'closed');
