-- Erasure on request (DELETE /v1/customers/:id) and the retention sweep (HOLDFAST_RETENTION_DAYS) remove a
-- customer's personal data and keep what the bank must keep or reports need: ids, dates, outcomes, offer
-- costs, scores, codes, and the consent ledger's proof with the address replaced by its sha256. Both run the
-- functions below, so what "anonymised" means is written once (docs/security.md lists it table by table).

-- When a row's personal data was removed; a customer updated again since (the bank sent them anew) is not.
ALTER TABLE "customers" ADD COLUMN "anonymised_at" TIMESTAMPTZ(3);
ALTER TABLE "cases" ADD COLUMN "anonymised_at" TIMESTAMPTZ(3);
-- The sweep's batches: cases closed before the retention period began.
CREATE INDEX "cases_closed_at_idx" ON "cases"("closed_at");

-- The audit log stays append-only, with one exception: the anonymising functions below may rewrite an
-- entry's detail (never who, what, when or on what), inside their own transaction.
CREATE OR REPLACE FUNCTION audit_log_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' AND current_setting('holdfast.anonymising', true) = 'on'
     AND NEW."id" = OLD."id" AND NEW."at" = OLD."at" AND NEW."actor" = OLD."actor" AND NEW."key_id" IS NOT DISTINCT FROM OLD."key_id"
     AND NEW."action" = OLD."action" AND NEW."subject_type" = OLD."subject_type" AND NEW."subject_id" = OLD."subject_id" THEN
    RETURN NEW;
  END IF;
  RAISE EXCEPTION 'audit_log is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
END $$;

-- A timeline event's data without the words people or customers wrote: notes, comments, replies, provider
-- messages and errors (which echo numbers and addresses), signal details, and the free-text reason of a case
-- opened by hand. Codes, ids, scores, costs and dates stay.
CREATE FUNCTION anonymised_event_data(p_type text, p_data jsonb) RETURNS jsonb LANGUAGE sql IMMUTABLE AS $$
  SELECT (CASE WHEN p_type = 'case_opened' AND coalesce(p_data->>'reason', '') NOT LIKE 'signal:%' THEN p_data - 'reason' ELSE p_data END)
         - ARRAY['note', 'comment', 'text', 'message', 'error', 'details', 'address']
$$;

-- A consent ledger address as proof without identity.
CREATE FUNCTION hashed_address(p_address text) RETURNS text LANGUAGE sql IMMUTABLE AS $$
  SELECT CASE WHEN p_address IS NULL OR p_address LIKE 'sha256:%' THEN p_address
              ELSE 'sha256:' || encode(sha256(convert_to(p_address, 'UTF8')), 'hex') END
$$;

-- Removes the personal data of these cases and of everything hanging off them. Idempotent.
CREATE FUNCTION anonymise_cases(p_case_ids text[]) RETURNS integer LANGUAGE plpgsql VOLATILE AS $$
DECLARE
  v_count integer;
BEGIN
  PERFORM set_config('holdfast.anonymising', 'on', true);
  UPDATE cases SET reason = CASE WHEN reason LIKE 'signal:%' THEN reason ELSE 'manual' END, anonymised_at = coalesce(anonymised_at, now())
   WHERE id = ANY(p_case_ids);
  GET DIAGNOSTICS v_count = ROW_COUNT;
  UPDATE case_events SET data = anonymised_event_data(type, data) WHERE case_id = ANY(p_case_ids) AND data <> anonymised_event_data(type, data);
  UPDATE contact_attempts SET note = NULL, error = NULL WHERE case_id = ANY(p_case_ids) AND (note IS NOT NULL OR error IS NOT NULL);
  UPDATE surveys SET comment = NULL WHERE case_id = ANY(p_case_ids) AND comment IS NOT NULL;
  UPDATE risk_signals SET details = '{}' WHERE case_id = ANY(p_case_ids) AND details <> '{}';
  UPDATE crm_outbox SET payload = jsonb_set(payload, '{data}', anonymised_event_data(payload->>'type', coalesce(payload->'data', '{}')))
   WHERE case_id = ANY(p_case_ids) AND kind = 'case_event' AND payload->'data' <> anonymised_event_data(payload->>'type', coalesce(payload->'data', '{}'));
  UPDATE audit_log SET detail = anonymised_event_data(substr(action, 6), detail)
   WHERE subject_type = 'case' AND subject_id = ANY(p_case_ids) AND detail <> anonymised_event_data(substr(action, 6), detail);
  PERFORM set_config('holdfast.anonymising', 'off', true);
  RETURN v_count;
END $$;

-- Removes a customer's own personal data: the customer row (nothing left to contact: no address, no consent),
-- their signals' details, and the consent ledger's addresses and notes, hashed or cleared. The ledger's rows
-- from the customer's number or address that no customer owned (an early STOP) are hashed too. Idempotent;
-- their cases are anonymise_cases's.
CREATE FUNCTION anonymise_customer(p_customer_id text) RETURNS void LANGUAGE plpgsql VOLATILE AS $$
BEGIN
  UPDATE consent_events SET address = hashed_address(address), note = NULL
   WHERE (customer_id = p_customer_id OR address IN (SELECT a FROM customers, unnest(ARRAY[phone, email]) a WHERE id = p_customer_id AND a IS NOT NULL))
     AND (note IS NOT NULL OR address IS DISTINCT FROM hashed_address(address));
  UPDATE risk_signals SET details = '{}' WHERE customer_id = p_customer_id AND details <> '{}';
  UPDATE customers SET name = '(anonymised)', phone = NULL, email = NULL, segment = NULL, lifecycle_stage = NULL, time_zone = 'UTC',
         preferred_channels = '{}', consent_sms = false, consent_email = false, consent_phone = false,
         anonymised_at = now(), updated_at = now()
   WHERE id = p_customer_id AND (anonymised_at IS NULL OR updated_at > anonymised_at);
END $$;
