-- The early-warning score (issue 30): the scorecards a bank uploads, one of them active, and the attributes
-- each customer carries for it (imported as extra columns of the customer CSV, or sent with the customer).

ALTER TABLE "customers" ADD COLUMN "attributes" JSONB NOT NULL DEFAULT '{}';

CREATE TABLE "churn_models" (
    "id" TEXT NOT NULL,
    -- The label column it was trained on, and when (from the model file).
    "label" TEXT NOT NULL,
    "trained_at" TIMESTAMPTZ(3) NOT NULL,
    -- The model file as uploaded, validated (domain/scorecard/model-file.ts).
    "model" JSONB NOT NULL,
    "uploaded_by" TEXT NOT NULL,
    "uploaded_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "active" BOOLEAN NOT NULL DEFAULT false,
    "activated_at" TIMESTAMPTZ(3),

    CONSTRAINT "churn_models_pkey" PRIMARY KEY ("id")
);
-- At most one model scores the book.
CREATE UNIQUE INDEX "churn_models_one_active" ON "churn_models" ("active") WHERE "active";

-- The attributes are the customer's profile: anonymised with the rest of it.
CREATE OR REPLACE FUNCTION anonymise_customer(p_customer_id text) RETURNS void LANGUAGE plpgsql VOLATILE AS $$
BEGIN
  UPDATE consent_events SET address = hashed_address(address), note = NULL
   WHERE (customer_id = p_customer_id OR address IN (SELECT a FROM customers, unnest(ARRAY[phone, email]) a WHERE id = p_customer_id AND a IS NOT NULL))
     AND (note IS NOT NULL OR address IS DISTINCT FROM hashed_address(address));
  UPDATE risk_signals SET details = '{}' WHERE customer_id = p_customer_id AND details <> '{}';
  UPDATE customers SET name = '(anonymised)', phone = NULL, email = NULL, segment = NULL, lifecycle_stage = NULL, time_zone = 'UTC',
         preferred_channels = '{}', consent_sms = false, consent_email = false, consent_phone = false,
         attributes = '{}', anonymised_at = now(), updated_at = now()
   WHERE id = p_customer_id AND (anonymised_at IS NULL OR updated_at > anonymised_at);
END $$;
