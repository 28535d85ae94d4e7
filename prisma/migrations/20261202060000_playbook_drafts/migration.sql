-- A playbook's draft: one per playbook, kept beside its immutable versions until it is published as the next
-- version or thrown away. The definition is stored as typed, even while invalid, so an admin's work in
-- progress is never lost; publishing validates it again.
CREATE TABLE "playbook_drafts" (
    "playbook_id" TEXT NOT NULL,
    "based_on_version" INTEGER,
    "definition" JSONB NOT NULL,
    "updated_by" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "playbook_drafts_pkey" PRIMARY KEY ("playbook_id")
);
