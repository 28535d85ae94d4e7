-- The funnel of a playbook (issue 28) read from one row per case instead of from every event of every case.
-- Grouping a million cases' six million events took 17 s; the rows below are kept by triggers as the events
-- are written, in the same transaction, so the funnel is still counted from what the cases did. One
-- definition of a case's row (case_funnel_source) serves the triggers and a bulk rebuild alike.
--
--
-- And the arm of a case under an experiment is written by the intake's one call, with the case row: it was a
-- second round trip after the workflow started, and lost if the database failed in between. An experiment
-- may promote its winning arm without a person (auto_promote, the hourly experiment review).

CREATE TABLE "case_funnel" (
    "case_id" TEXT NOT NULL REFERENCES "cases"("id") ON DELETE CASCADE,
    "playbook_id" TEXT NOT NULL,
    "playbook_version" INTEGER NOT NULL,
    "team_id" TEXT,
    "opened_at" TIMESTAMPTZ(3) NOT NULL,
    "closed_at" TIMESTAMPTZ(3),
    "experiment_id" TEXT,
    "arm" TEXT,
    "holdout" BOOLEAN NOT NULL,
    "detected" TIMESTAMPTZ(3),
    "assigned" TIMESTAMPTZ(3),
    "contacted" TIMESTAMPTZ(3),
    "reached" TIMESTAMPTZ(3),
    "offered" TIMESTAMPTZ(3),
    "accepted" TIMESTAMPTZ(3),
    "surveyed" TIMESTAMPTZ(3),
    "retained" TIMESTAMPTZ(3),
    -- Why a closed case left at its deepest step (domain/funnel.ts LEAVE_REASONS); NULL while open or retained.
    "leave_reason" TEXT,
    -- The deepest step the case entered (1 detected … 8 retained), where it left if it left.
    "deepest_step" SMALLINT NOT NULL,
    -- Whole seconds spent in each step before retained (entering the next step, or closing there); NULL where
    -- the case never entered the step or is still in it. Kept here so that the funnel's percentiles read one
    -- array per case instead of working them out of eight dates.
    "step_seconds" INTEGER[] NOT NULL,

    CONSTRAINT "case_funnel_pkey" PRIMARY KEY ("case_id")
);
CREATE INDEX "case_funnel_playbook_id_opened_at_idx" ON "case_funnel"("playbook_id", "opened_at");
CREATE INDEX "case_funnel_experiment_id_arm_idx" ON "case_funnel"("experiment_id", "arm");

-- A case's first event of each step. A held-out case is only detected; a supervisor's close says
-- closed_by_supervisor whatever the outcome; an expired offer is told apart from a declined one.
CREATE VIEW "case_funnel_source" AS
SELECT f.case_id, f.playbook_id, f.playbook_version, f.team_id, f.opened_at, f.closed_at, f.experiment_id, f.arm,
       f.holdout, f.detected, f.assigned, f.contacted, f.reached, f.offered, f.accepted, f.surveyed, f.retained,
       CASE WHEN f.outcome IS NULL OR f.retained IS NOT NULL AND NOT f.holdout THEN NULL
            WHEN f.close_reason = 'closed_by_supervisor' THEN 'closed_by_hand'
            WHEN f.holdout THEN 'holdout'
            WHEN f.close_reason = 'offer_expired' THEN 'offer_expired'
            ELSE f.outcome END AS leave_reason,
       CASE WHEN f.holdout THEN 1 ELSE coalesce(greatest(CASE WHEN f.detected IS NOT NULL THEN 1 END, CASE WHEN f.assigned IS NOT NULL THEN 2 END, CASE WHEN f.contacted IS NOT NULL THEN 3 END, CASE WHEN f.reached IS NOT NULL THEN 4 END, CASE WHEN f.offered IS NOT NULL THEN 5 END, CASE WHEN f.accepted IS NOT NULL THEN 6 END, CASE WHEN f.surveyed IS NOT NULL THEN 7 END, CASE WHEN f.retained IS NOT NULL THEN 8 END), 1) END::smallint AS deepest_step,
       CASE WHEN f.holdout
            THEN ARRAY[round(extract(epoch FROM f.closed_at - f.detected)), NULL, NULL, NULL, NULL, NULL, NULL]
            ELSE ARRAY[round(extract(epoch FROM coalesce(least(f.assigned, f.contacted, f.reached, f.offered, f.accepted, f.surveyed, f.retained), f.closed_at) - f.detected)),
                   round(extract(epoch FROM coalesce(least(f.contacted, f.reached, f.offered, f.accepted, f.surveyed, f.retained), f.closed_at) - f.assigned)),
                   round(extract(epoch FROM coalesce(least(f.reached, f.offered, f.accepted, f.surveyed, f.retained), f.closed_at) - f.contacted)),
                   round(extract(epoch FROM coalesce(least(f.offered, f.accepted, f.surveyed, f.retained), f.closed_at) - f.reached)),
                   round(extract(epoch FROM coalesce(least(f.accepted, f.surveyed, f.retained), f.closed_at) - f.offered)),
                   round(extract(epoch FROM coalesce(least(f.surveyed, f.retained), f.closed_at) - f.accepted)),
                   round(extract(epoch FROM coalesce(f.retained, f.closed_at) - f.surveyed))] END::integer[] AS step_seconds
  FROM (
    SELECT c.id AS case_id, c.playbook_id, c.playbook_version, c.team_id, c.opened_at, c.closed_at,
           x.experiment_id, x.arm,
           coalesce(bool_or(e.type = 'holdout_assigned'), false) AS holdout,
           min(e.at) FILTER (WHERE e.type = 'case_opened') AS detected,
           min(e.at) FILTER (WHERE e.type IN ('case_assigned', 'queued_for_agent')) AS assigned,
           min(e.at) FILTER (WHERE e.type IN ('contact_sent', 'call_requested', 'contact_outcome_recorded')) AS contacted,
           min(e.at) FILTER (WHERE e.type = 'contact_outcome_recorded' AND e.data->>'outcome' = 'reached') AS reached,
           min(e.at) FILTER (WHERE e.type = 'offer_presented') AS offered,
           min(e.at) FILTER (WHERE e.type = 'offer_decision_recorded' AND e.data->>'decision' = 'accepted') AS accepted,
           min(e.at) FILTER (WHERE e.type = 'survey_sent') AS surveyed,
           min(e.at) FILTER (WHERE e.type = 'case_closed' AND e.data->>'outcome' = 'retained') AS retained,
           max(e.data->>'outcome') FILTER (WHERE e.type = 'case_closed') AS outcome,
           max(e.data->>'reason') FILTER (WHERE e.type = 'case_closed') AS close_reason
      FROM cases c
      LEFT JOIN case_experiment_arms x ON x.case_id = c.id
      LEFT JOIN case_events e ON e.case_id = c.id
     GROUP BY c.id, x.experiment_id, x.arm
  ) f;

CREATE FUNCTION refresh_case_funnel(p_case_id text) RETURNS void LANGUAGE sql VOLATILE AS $$
  INSERT INTO case_funnel SELECT * FROM case_funnel_source WHERE case_id = p_case_id
  ON CONFLICT (case_id) DO UPDATE SET
    playbook_id = EXCLUDED.playbook_id, playbook_version = EXCLUDED.playbook_version, team_id = EXCLUDED.team_id,
    opened_at = EXCLUDED.opened_at, closed_at = EXCLUDED.closed_at, experiment_id = EXCLUDED.experiment_id,
    arm = EXCLUDED.arm, holdout = EXCLUDED.holdout, detected = EXCLUDED.detected, assigned = EXCLUDED.assigned,
    contacted = EXCLUDED.contacted, reached = EXCLUDED.reached, offered = EXCLUDED.offered,
    accepted = EXCLUDED.accepted, surveyed = EXCLUDED.surveyed, retained = EXCLUDED.retained,
    leave_reason = EXCLUDED.leave_reason, deepest_step = EXCLUDED.deepest_step, step_seconds = EXCLUDED.step_seconds
$$;

-- Every case at once (this migration, and a bulk load made with triggers off).
CREATE FUNCTION rebuild_case_funnel() RETURNS void LANGUAGE sql VOLATILE AS $$
  INSERT INTO case_funnel SELECT * FROM case_funnel_source
  ON CONFLICT (case_id) DO UPDATE SET
    playbook_id = EXCLUDED.playbook_id, playbook_version = EXCLUDED.playbook_version, team_id = EXCLUDED.team_id,
    opened_at = EXCLUDED.opened_at, closed_at = EXCLUDED.closed_at, experiment_id = EXCLUDED.experiment_id,
    arm = EXCLUDED.arm, holdout = EXCLUDED.holdout, detected = EXCLUDED.detected, assigned = EXCLUDED.assigned,
    contacted = EXCLUDED.contacted, reached = EXCLUDED.reached, offered = EXCLUDED.offered,
    accepted = EXCLUDED.accepted, surveyed = EXCLUDED.surveyed, retained = EXCLUDED.retained,
    leave_reason = EXCLUDED.leave_reason, deepest_step = EXCLUDED.deepest_step, step_seconds = EXCLUDED.step_seconds
$$;

CREATE FUNCTION case_funnel_follow_case() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM refresh_case_funnel(NEW.case_id);
  RETURN NULL;
END $$;

CREATE FUNCTION case_funnel_follow_case_row() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM refresh_case_funnel(NEW.id);
  RETURN NULL;
END $$;

-- Only the events that move a case along the funnel or close it.
CREATE TRIGGER case_funnel_on_event AFTER INSERT ON case_events FOR EACH ROW
  WHEN (NEW.type IN ('case_opened', 'holdout_assigned', 'case_assigned', 'queued_for_agent', 'contact_sent',
                     'call_requested', 'contact_outcome_recorded', 'offer_presented', 'offer_decision_recorded',
                     'survey_sent', 'case_closed'))
  EXECUTE FUNCTION case_funnel_follow_case();

CREATE TRIGGER case_funnel_on_case_opened AFTER INSERT ON cases FOR EACH ROW
  EXECUTE FUNCTION case_funnel_follow_case_row();

-- The case row is updated with every event; only what the funnel filters on or measures matters here.
CREATE TRIGGER case_funnel_on_case_changed AFTER UPDATE ON cases FOR EACH ROW
  WHEN (OLD.team_id IS DISTINCT FROM NEW.team_id OR OLD.closed_at IS DISTINCT FROM NEW.closed_at
        OR OLD.playbook_id IS DISTINCT FROM NEW.playbook_id OR OLD.playbook_version IS DISTINCT FROM NEW.playbook_version
        OR OLD.opened_at IS DISTINCT FROM NEW.opened_at)
  EXECUTE FUNCTION case_funnel_follow_case_row();

CREATE TRIGGER case_funnel_on_arm AFTER INSERT ON case_experiment_arms FOR EACH ROW
  EXECUTE FUNCTION case_funnel_follow_case();

SELECT rebuild_case_funnel();

-- The intake's one call, now also writing the case's experiment arm (p_experiment_id NULL: none).
DROP FUNCTION intake_store_signal_and_open_case(text, text, text, text, text, double precision, timestamptz, jsonb,
                                                text, text, text, text, integer);
CREATE FUNCTION intake_store_signal_and_open_case(
  p_existing_signal_id text, p_signal_id text, p_idempotency_key text, p_customer_id text, p_type text,
  p_severity double precision, p_occurred_at timestamptz, p_details jsonb,
  p_case_id text, p_workflow_id text, p_reason text, p_playbook_id text, p_playbook_version integer,
  p_experiment_id text, p_arm text
) RETURNS TABLE (stored boolean, signal_id text, open_case_id text) LANGUAGE plpgsql VOLATILE AS $$
DECLARE
  v_signal text := p_existing_signal_id;
  v_open text;
BEGIN
  IF v_signal IS NULL AND p_idempotency_key IS NOT NULL THEN
    INSERT INTO risk_signals (id, idempotency_key, customer_id, type, severity, occurred_at, details)
    VALUES (p_signal_id, p_idempotency_key, p_customer_id, p_type, p_severity, p_occurred_at, p_details)
    ON CONFLICT (idempotency_key) DO NOTHING
    RETURNING id INTO v_signal;
    IF v_signal IS NULL THEN
      RETURN QUERY SELECT false, NULL::text, NULL::text;
      RETURN;
    END IF;
  END IF;
  PERFORM 1 FROM customers WHERE id = p_customer_id FOR NO KEY UPDATE;
  SELECT id INTO v_open FROM cases WHERE customer_id = p_customer_id AND status = 'open' ORDER BY opened_at DESC LIMIT 1;
  IF v_open IS NULL THEN
    INSERT INTO cases (id, workflow_id, customer_id, reason, stage, status, playbook_id, playbook_version, opened_at, updated_at)
    VALUES (p_case_id, p_workflow_id, p_customer_id, p_reason, 'detected', 'open', p_playbook_id, p_playbook_version, now(), now());
    IF p_experiment_id IS NOT NULL THEN
      INSERT INTO case_experiment_arms (case_id, experiment_id, arm, version)
      VALUES (p_case_id, p_experiment_id, p_arm, p_playbook_version);
    END IF;
  END IF;
  RETURN QUERY SELECT true, v_signal, v_open;
END $$;

ALTER TABLE "playbook_experiments" ADD COLUMN "auto_promote" BOOLEAN NOT NULL DEFAULT false;
