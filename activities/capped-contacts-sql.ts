// Which of a customer's contact attempts count against the contact policy's frequency cap, and when each
// happened: a retention message that went out (the provider took it and did not report it undelivered) or a
// call or visit an agent recorded; refused and never-sent messages do not count. One definition for the
// policy check before every send (activities/contact-policy.ts) and the dry run's replay of a past window
// (api/services/dry-run-world.ts), so both count the same contacts.

// A condition over `contact_attempts ca`; `outcomePurpose` is an SQL expression for AGENT_CONTACT_PURPOSE.
export const countsAgainstCap = (outcomePurpose: string) =>
  `((ca.purpose = 'contact' AND ca.status = 'sent' AND (ca.delivery_status IS NULL OR ca.delivery_status NOT IN ('undelivered', 'failed')))
    OR (ca.purpose = ${outcomePurpose} AND ca.channel IN ('phone', 'visit')))`;

// When the contact happened.
export const cappedContactAt = 'COALESCE(ca.sent_at, ca.created_at)';
