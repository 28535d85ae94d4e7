-- A customer's lifecycle stage is one of six words (domain/vocabulary.ts LIFECYCLE_STAGES), because playbooks
-- choose and decline by it. Existing values are normalised: the words in any case or spacing are kept, anything
-- else (free text written before the vocabulary) becomes NULL, "stage not known", which no playbook matches.
-- The column then takes only the six: an enum type, as the tier is (a CHECK constraint would do the same, but
-- Prisma 6.19's migrate diff cannot read one).
UPDATE "customers" SET "lifecycle_stage" = lower(btrim("lifecycle_stage"))
 WHERE "lifecycle_stage" IS NOT NULL AND "lifecycle_stage" <> lower(btrim("lifecycle_stage"));
UPDATE "customers" SET "lifecycle_stage" = NULL
 WHERE "lifecycle_stage" NOT IN ('prospect', 'development', 'growth', 'maturity', 'decline', 'termination');

CREATE TYPE "LifecycleStage" AS ENUM ('prospect', 'development', 'growth', 'maturity', 'decline', 'termination');
ALTER TABLE "customers"
  ALTER COLUMN "lifecycle_stage" TYPE "LifecycleStage" USING "lifecycle_stage"::"LifecycleStage";

-- The bank's segments, provisioned like teams and offers: customers' segments and playbooks' appliesTo.segments
-- must name one (while none is provisioned, any code of the right shape is taken).
CREATE TABLE "segments" (
    "code" TEXT NOT NULL,
    "label" TEXT NOT NULL,

    CONSTRAINT "segments_pkey" PRIMARY KEY ("code")
);
