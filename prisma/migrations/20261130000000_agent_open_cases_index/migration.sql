-- Assignment counts each agent's open cases on every new case: an index range, not a scan of every case.
CREATE INDEX "cases_agent_id_status_idx" ON "cases"("agent_id", "status");
