-- Twilio status callbacks, kept by message SID: one that arrives before the send recorded the SID is
-- applied by the send itself, never dropped.
CREATE TABLE "sms_status_reports" (
    "sid" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "error_code" TEXT,
    "received_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "sms_status_reports_pkey" PRIMARY KEY ("sid")
);
