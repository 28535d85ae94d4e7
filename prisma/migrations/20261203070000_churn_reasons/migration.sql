-- Churn reasons: the bank's catalogue of why customers leave or refuse (code, label, category, avoidable or
-- not), provisioned like teams and offers, and the reason a case was lost for, kept on the case for the
-- churn-reasons report. A code in use is never deleted (RESTRICT): retiring a reason deactivates it.
CREATE TABLE "churn_reasons" (
    "code" TEXT NOT NULL,
    "label" TEXT NOT NULL,
    "category" TEXT NOT NULL,
    "avoidable" BOOLEAN NOT NULL,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "churn_reasons_pkey" PRIMARY KEY ("code")
);

-- The code and the person's own words (personal data: anonymise_cases clears the note).
ALTER TABLE "cases" ADD COLUMN     "churn_reason_code" TEXT,
ADD COLUMN     "churn_reason_note" TEXT;

ALTER TABLE "cases" ADD CONSTRAINT "cases_churn_reason_code_fkey" FOREIGN KEY ("churn_reason_code") REFERENCES "churn_reasons"("code") ON DELETE RESTRICT ON UPDATE CASCADE;

-- A timeline event's churn reason keeps its code and loses its note, like the event's own note.
CREATE OR REPLACE FUNCTION anonymised_event_data(p_type text, p_data jsonb) RETURNS jsonb LANGUAGE sql IMMUTABLE AS $$
  SELECT ((CASE WHEN p_type = 'case_opened' AND coalesce(p_data->>'reason', '') NOT LIKE 'signal:%' THEN p_data - 'reason' ELSE p_data END)
         - ARRAY['note', 'comment', 'text', 'message', 'error', 'details', 'address']) #- '{churnReason,note}'
$$;

-- As in migration 20261202030000, and the case's churn reason note cleared (its code stays for the report).
CREATE OR REPLACE FUNCTION anonymise_cases(p_case_ids text[]) RETURNS integer LANGUAGE plpgsql VOLATILE AS $$
DECLARE
  v_count integer;
BEGIN
  PERFORM set_config('holdfast.anonymising', 'on', true);
  UPDATE cases SET reason = CASE WHEN reason LIKE 'signal:%' THEN reason ELSE 'manual' END, churn_reason_note = NULL,
         anonymised_at = coalesce(anonymised_at, now())
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

-- As in migration 20261130020000: a person's case event is audited without its free text, now including the
-- churn reason's note (its code stays).
CREATE OR REPLACE FUNCTION audit_case_event() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "audit_log" ("at", "actor", "key_id", "action", "subject_type", "subject_id", "detail")
  VALUES (NEW."at", NEW."actor", nullif(current_setting('holdfast.key_id', true), ''), 'case.' || NEW."type", 'case', NEW."case_id", (NEW."data" - 'note' - 'comment') #- '{churnReason,note}');
  RETURN NULL;
END $$;
