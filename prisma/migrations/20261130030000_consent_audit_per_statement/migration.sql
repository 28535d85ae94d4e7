-- Consent changes are audited once per statement instead of once per row: a bulk customer import writes
-- thousands of consent events in one INSERT, and a row trigger doubled its cost. Same audit rows as before.
DROP TRIGGER "consent_events_audit" ON "consent_events";
DROP FUNCTION audit_consent_event();

CREATE FUNCTION audit_consent_events() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "audit_log" ("at", "actor", "key_id", "action", "subject_type", "subject_id", "detail")
  SELECT n."at", n."actor", nullif(current_setting('holdfast.key_id', true), ''), CASE WHEN n."granted" THEN 'consent.granted' ELSE 'consent.withdrawn' END, 'customer',
         coalesce(n."customer_id", 'unknown'), jsonb_build_object('channel', n."channel", 'source', n."source")
    FROM inserted n ORDER BY n."at";
  RETURN NULL;
END $$;
CREATE TRIGGER "consent_events_audit" AFTER INSERT ON "consent_events" REFERENCING NEW TABLE AS inserted FOR EACH STATEMENT EXECUTE FUNCTION audit_consent_events();
