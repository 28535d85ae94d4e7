// The customer profile (domain/customer.ts) as one JSON value built by PostgreSQL, so the worker's read of a
// customer and the API's intake read, which hands the profile to a new case, cannot drift apart.

// An expression over a row of `customers`.
export const CUSTOMER_PROFILE_JSON = `json_build_object(
  'id', id, 'tier', tier, 'segment', segment, 'lifecycleStage', lifecycle_stage,
  'assetsUnderManagement', assets_under_management::float8, 'timeZone', time_zone,
  'hasPhone', phone IS NOT NULL, 'hasEmail', email IS NOT NULL, 'preferredChannels', preferred_channels,
  'consent', json_build_object('sms', consent_sms, 'email', consent_email, 'phone', consent_phone))`;
