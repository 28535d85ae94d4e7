-- AlterTable
ALTER TABLE "cases" ADD COLUMN     "attention_reason" TEXT,
ADD COLUMN     "attention_since" TIMESTAMPTZ(3);

-- AlterTable
ALTER TABLE "contact_attempts" ADD COLUMN     "delivery_status" TEXT,
ADD COLUMN     "delivery_updated_at" TIMESTAMPTZ(3),
ADD COLUMN     "provider_code" TEXT;

-- CreateTable
CREATE TABLE "crm_outbox" (
    "id" BIGSERIAL NOT NULL,
    "task_queue" TEXT NOT NULL,
    "case_id" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "idempotency_key" TEXT NOT NULL,
    "payload" JSONB NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "next_attempt_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "last_error" TEXT,
    "delivered_at" TIMESTAMPTZ(3),

    CONSTRAINT "crm_outbox_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "crm_relay_leases" (
    "task_queue" TEXT NOT NULL,
    "holder" TEXT NOT NULL,
    "until" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "crm_relay_leases_pkey" PRIMARY KEY ("task_queue")
);

-- CreateTable
CREATE TABLE "consent_events" (
    "id" TEXT NOT NULL,
    "customer_id" TEXT,
    "address" TEXT,
    "channel" TEXT NOT NULL,
    "granted" BOOLEAN NOT NULL,
    "source" TEXT NOT NULL,
    "actor" TEXT NOT NULL,
    "note" TEXT,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "consent_events_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "crm_outbox_idempotency_key_key" ON "crm_outbox"("idempotency_key");

-- CreateIndex
CREATE INDEX "crm_outbox_task_queue_delivered_at_id_idx" ON "crm_outbox"("task_queue", "delivered_at", "id");

-- CreateIndex
CREATE INDEX "consent_events_customer_id_channel_at_idx" ON "consent_events"("customer_id", "channel", "at");

-- CreateIndex
CREATE INDEX "consent_events_address_idx" ON "consent_events"("address");

-- CreateIndex
CREATE INDEX "cases_attention_since_idx" ON "cases"("attention_since");

-- CreateIndex
CREATE INDEX "contact_attempts_provider_id_idx" ON "contact_attempts"("provider_id");

-- CreateIndex
CREATE INDEX "customers_phone_idx" ON "customers"("phone");

-- AddForeignKey
ALTER TABLE "consent_events" ADD CONSTRAINT "consent_events_customer_id_fkey" FOREIGN KEY ("customer_id") REFERENCES "customers"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- A send whose outcome was never learnt is "unknown" now (it was "unconfirmed").
UPDATE "contact_attempts" SET "status" = 'unknown' WHERE "status" = 'unconfirmed';

-- CreateIndex
CREATE INDEX "crm_outbox_case_id_delivered_at_id_idx" ON "crm_outbox"("case_id", "delivered_at", "id");
