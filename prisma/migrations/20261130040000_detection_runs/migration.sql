-- Scheduled detection sweeps and what each read and posted (GET /v1/detection/runs).
CREATE TABLE "detection_runs" (
    "id" TEXT NOT NULL,
    "started_at" TIMESTAMPTZ(3) NOT NULL,
    "finished_at" TIMESTAMPTZ(3) NOT NULL,
    "summary" JSONB NOT NULL,

    CONSTRAINT "detection_runs_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "detection_runs_started_at_idx" ON "detection_runs"("started_at");
