-- Outages of our own dependencies that a background loop waited out, for GET /v1/status.
CREATE TABLE "dependency_outages" (
    "id" BIGSERIAL NOT NULL,
    "process" TEXT NOT NULL,
    "dependency" TEXT NOT NULL,
    "started_at" TIMESTAMPTZ(3) NOT NULL,
    "ended_at" TIMESTAMPTZ(3) NOT NULL,
    "seconds" INTEGER NOT NULL,
    "failures" INTEGER NOT NULL,
    "last_error" TEXT NOT NULL,

    CONSTRAINT "dependency_outages_pkey" PRIMARY KEY ("id")
);

CREATE INDEX "dependency_outages_ended_at_idx" ON "dependency_outages"("ended_at");
