-- A signal's intake writes in one call instead of a transaction of five statements (BEGIN, the signal, the
-- customer's lock, the open-case check, the case row, COMMIT): the API sends one statement and waits once.
-- The body keeps the transaction's rules. Each statement of a VOLATILE function takes a new snapshot, so the
-- open-case check after the customer's row lock sees a case another request opened and committed meanwhile:
-- two signals at once open one case, not two. All of it commits or none does. The lock is FOR NO KEY UPDATE:
-- the signal's and the case's foreign keys hold the customer's row FOR KEY SHARE, which FOR UPDATE would wait
-- on, so two requests that had each inserted a signal deadlocked (the API answered 500 to one of them).
--
-- p_idempotency_key NULL: no signal (a case opened by a person). p_existing_signal_id: the signal is stored
-- already (a retry). stored = false: a concurrent request stored the same key first; nothing was written.
CREATE FUNCTION intake_store_signal_and_open_case(
  p_existing_signal_id text, p_signal_id text, p_idempotency_key text, p_customer_id text, p_type text,
  p_severity double precision, p_occurred_at timestamptz, p_details jsonb,
  p_case_id text, p_workflow_id text, p_reason text, p_playbook_id text, p_playbook_version integer
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
  END IF;
  RETURN QUERY SELECT true, v_signal, v_open;
END $$;
