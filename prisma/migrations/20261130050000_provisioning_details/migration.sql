-- What a bank provisions beyond the first setup: agents' working hours, offers' validity windows, and the
-- message templates customers read.
ALTER TABLE "agents" ADD COLUMN "working_hours" JSONB;
ALTER TABLE "offers" ADD COLUMN "valid_from" TIMESTAMPTZ(3), ADD COLUMN "valid_until" TIMESTAMPTZ(3);

CREATE TABLE "message_templates" (
    "id" TEXT NOT NULL,
    "subject" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "message_templates_pkey" PRIMARY KEY ("id")
);
