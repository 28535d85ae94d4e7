-- CreateIndex
CREATE INDEX "cases_opened_at_id_idx" ON "cases"("opened_at" DESC, "id" DESC);

-- CreateIndex
CREATE INDEX "cases_priority_opened_at_id_idx" ON "cases"("priority" DESC, "opened_at" DESC, "id" DESC);

-- CreateIndex
CREATE INDEX "cases_sla_due_at_priority_id_idx" ON "cases"("sla_due_at", "priority" DESC, "id");
