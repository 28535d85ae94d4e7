-- Holdfast in the customer's language (issue 36): a customer's locale (a BCP 47 tag; NULL: the bank's default)
-- and salutation (how the bank addresses them, 王先生 or Ms Ng; NULL: the full name), and message templates
-- kept per purpose, locale and channel with a version that counts each change.
ALTER TABLE "customers" ADD COLUMN "locale" TEXT,
ADD COLUMN "salutation" TEXT;

-- Before 1.1 a template was one English text for SMS and email: it becomes the English SMS and email
-- templates, version 1.
ALTER TABLE "message_templates" RENAME TO "message_templates_1_0";
ALTER TABLE "message_templates_1_0" RENAME CONSTRAINT "message_templates_pkey" TO "message_templates_1_0_pkey";
CREATE TABLE "message_templates" (
    "purpose" TEXT NOT NULL,
    "locale" TEXT NOT NULL,
    "channel" TEXT NOT NULL,
    "subject" TEXT NOT NULL DEFAULT '',
    "text" TEXT NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "message_templates_pkey" PRIMARY KEY ("purpose", "locale", "channel")
);
INSERT INTO "message_templates" ("purpose", "locale", "channel", "subject", "text", "version", "updated_at")
SELECT t.id, 'en', c.channel, CASE WHEN c.channel = 'sms' THEN '' ELSE t.subject END, t.text, 1, t.updated_at
  FROM "message_templates_1_0" t CROSS JOIN (VALUES ('sms'), ('email')) AS c(channel);
DROP TABLE "message_templates_1_0";

-- The salutation is personal data: anonymised with the rest of the profile (as in migration
-- 20261203066000, plus the salutation; the locale is kept, like the time zone's absence of meaning).
CREATE OR REPLACE FUNCTION anonymise_customer(p_customer_id text) RETURNS void LANGUAGE plpgsql VOLATILE AS $$
BEGIN
  UPDATE consent_events SET address = hashed_address(address), note = NULL
   WHERE (customer_id = p_customer_id OR address IN (SELECT a FROM customers, unnest(ARRAY[phone, email]) a WHERE id = p_customer_id AND a IS NOT NULL))
     AND (note IS NOT NULL OR address IS DISTINCT FROM hashed_address(address));
  UPDATE risk_signals SET details = '{}' WHERE customer_id = p_customer_id AND details <> '{}';
  UPDATE customers SET name = '(anonymised)', salutation = NULL, phone = NULL, email = NULL, segment = NULL, lifecycle_stage = NULL, time_zone = 'UTC',
         preferred_channels = '{}', consent_sms = false, consent_email = false, consent_phone = false,
         attributes = '{}', anonymised_at = now(), updated_at = now()
   WHERE id = p_customer_id AND (anonymised_at IS NULL OR updated_at > anonymised_at);
END $$;
