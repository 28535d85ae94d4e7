// An agent's daily contact quota counts the contacts they recorded since the start of the UTC day.
// One definition for the router (who can take a case) and the workload view (who is near the limit).
export function startOfQuotaDay(now: Date): Date {
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
}

// Contact attempts with this purpose are the ones an agent made (recorded outcomes), not automated sends.
export const AGENT_CONTACT_PURPOSE = 'outcome';
