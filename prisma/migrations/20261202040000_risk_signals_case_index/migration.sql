-- The case page lists the signals behind a case; without this index it scans every signal the bank ever had.
CREATE INDEX "risk_signals_case_id_idx" ON "risk_signals"("case_id");
