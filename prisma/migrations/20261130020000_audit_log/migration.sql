-- Keys that belong to a person: an agent's key names its agent record, so what the key does is the agent's.
ALTER TABLE "api_keys" ADD COLUMN "agent_id" TEXT;
ALTER TABLE "api_keys" ADD CONSTRAINT "api_keys_agent_id_fkey" FOREIGN KEY ("agent_id") REFERENCES "agents"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- The audit log: who did what, when. Append-only: rows are never updated or deleted (triggers below).
CREATE TABLE "audit_log" (
    "id" BIGSERIAL NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "actor" TEXT NOT NULL,
    "key_id" TEXT,
    "action" TEXT NOT NULL,
    "subject_type" TEXT NOT NULL,
    "subject_id" TEXT NOT NULL,
    "detail" JSONB NOT NULL DEFAULT '{}',

    CONSTRAINT "audit_log_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "audit_log_at_idx" ON "audit_log"("at");

CREATE FUNCTION audit_log_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_log is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
END $$;
CREATE TRIGGER "audit_log_no_update_or_delete" BEFORE UPDATE OR DELETE ON "audit_log" FOR EACH ROW EXECUTE FUNCTION audit_log_is_append_only();
CREATE TRIGGER "audit_log_no_truncate" BEFORE TRUNCATE ON "audit_log" FOR EACH STATEMENT EXECUTE FUNCTION audit_log_is_append_only();

-- Every case event a person made (a human step, a supervisor's action, a customer's answer) is audited in
-- the transaction that writes it, whatever wrote it. Free text (notes, comments) stays on the timeline.
CREATE FUNCTION audit_case_event() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "audit_log" ("at", "actor", "key_id", "action", "subject_type", "subject_id", "detail")
  VALUES (NEW."at", NEW."actor", nullif(current_setting('holdfast.key_id', true), ''), 'case.' || NEW."type", 'case', NEW."case_id", NEW."data" - 'note' - 'comment');
  RETURN NULL;
END $$;
CREATE TRIGGER "case_events_audit" AFTER INSERT ON "case_events" FOR EACH ROW WHEN (NEW."actor" <> 'holdfast') EXECUTE FUNCTION audit_case_event();

-- Every consent change, from any source (the API, an SMS keyword, an import).
CREATE FUNCTION audit_consent_event() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "audit_log" ("at", "actor", "key_id", "action", "subject_type", "subject_id", "detail")
  VALUES (NEW."at", NEW."actor", nullif(current_setting('holdfast.key_id', true), ''), CASE WHEN NEW."granted" THEN 'consent.granted' ELSE 'consent.withdrawn' END, 'customer',
          coalesce(NEW."customer_id", 'unknown'), jsonb_build_object('channel', NEW."channel", 'source', NEW."source"));
  RETURN NULL;
END $$;
CREATE TRIGGER "consent_events_audit" AFTER INSERT ON "consent_events" FOR EACH ROW EXECUTE FUNCTION audit_consent_event();
