-- A send's provider failures are counted on its attempt row, so a retry window is the provider's own and a
-- PostgreSQL or Temporal outage never uses it up.
ALTER TABLE "contact_attempts" ADD COLUMN "provider_tries" INTEGER NOT NULL DEFAULT 0;
