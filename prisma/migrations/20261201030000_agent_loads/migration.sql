-- Assignment ranks a team's agents by their open cases and today's recorded contacts, once for every case it
-- assigns. Both were counted row by row: at 20,000 open cases shared by a contact centre's two agents that
-- was 8-10 ms of PostgreSQL per assignment (0.1 ms at a few hundred), and it grew with every case opened.

-- Today's contacts: only an agent's recorded outcomes count, so the index leads with the purpose and reads
-- just those (at most the agent's daily quota), not every automated send made in the agent's name.
DROP INDEX "contact_attempts_agent_id_created_at_idx";
CREATE INDEX "contact_attempts_agent_id_purpose_created_at_idx" ON "contact_attempts"("agent_id", "purpose", "created_at");

-- Open cases per agent, kept by triggers on cases as they are assigned, reassigned and closed, in the
-- transaction that changes the case; 16 shard rows an agent (by case id), as case_stage_counts, so cases
-- given to the same agent at the same moment do not queue on one row.
LOCK TABLE "cases" IN SHARE ROW EXCLUSIVE MODE;

CREATE TABLE "agent_open_cases" (
    "agent_id" TEXT NOT NULL,
    "shard" SMALLINT NOT NULL,
    "cases" BIGINT NOT NULL,

    CONSTRAINT "agent_open_cases_pkey" PRIMARY KEY ("agent_id","shard")
);

CREATE FUNCTION count_agent_cases_inserted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "agent_open_cases" AS c ("agent_id", "shard", "cases")
  SELECT n."agent_id", case_stage_shard(n."id"), count(*) FROM inserted n WHERE n."agent_id" IS NOT NULL AND n."status" = 'open' GROUP BY 1, 2 ORDER BY 1, 2
  ON CONFLICT ("agent_id", "shard") DO UPDATE SET "cases" = c."cases" + excluded."cases";
  RETURN NULL;
END $$;

CREATE FUNCTION count_agent_cases_deleted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "agent_open_cases" c SET "cases" = c."cases" - d."cases"
    FROM (SELECT o."agent_id", case_stage_shard(o."id") AS "shard", count(*) AS "cases"
            FROM deleted o WHERE o."agent_id" IS NOT NULL AND o."status" = 'open' GROUP BY 1, 2) d
   WHERE (c."agent_id", c."shard") = (d."agent_id", d."shard");
  RETURN NULL;
END $$;

-- A case leaves its old agent's count if it was open with one, and joins its new agent's if it is open with
-- one; rows in key order, so two reassignments between the same agents cannot deadlock.
CREATE FUNCTION count_agent_case_moved() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "agent_open_cases" AS c ("agent_id", "shard", "cases")
  SELECT m."agent_id", m."shard", sum(m."cases") FROM (VALUES
      (CASE WHEN OLD."status" = 'open' THEN OLD."agent_id" END, case_stage_shard(OLD."id"), -1::bigint),
      (CASE WHEN NEW."status" = 'open' THEN NEW."agent_id" END, case_stage_shard(NEW."id"), 1::bigint)) AS m("agent_id", "shard", "cases")
   WHERE m."agent_id" IS NOT NULL GROUP BY 1, 2 HAVING sum(m."cases") <> 0 ORDER BY 1, 2
  ON CONFLICT ("agent_id", "shard") DO UPDATE SET "cases" = c."cases" + excluded."cases";
  RETURN NULL;
END $$;

CREATE FUNCTION clear_agent_open_cases() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM "agent_open_cases";
  RETURN NULL;
END $$;

CREATE TRIGGER "cases_count_agent_inserted" AFTER INSERT ON "cases" REFERENCING NEW TABLE AS inserted FOR EACH STATEMENT EXECUTE FUNCTION count_agent_cases_inserted();
CREATE TRIGGER "cases_count_agent_deleted" AFTER DELETE ON "cases" REFERENCING OLD TABLE AS deleted FOR EACH STATEMENT EXECUTE FUNCTION count_agent_cases_deleted();
CREATE TRIGGER "cases_count_agent_moved" AFTER UPDATE OF "agent_id", "status", "id" ON "cases" FOR EACH ROW
  WHEN (OLD."agent_id" IS DISTINCT FROM NEW."agent_id" OR OLD."status" IS DISTINCT FROM NEW."status" OR OLD."id" IS DISTINCT FROM NEW."id")
  EXECUTE FUNCTION count_agent_case_moved();
CREATE TRIGGER "cases_count_agent_truncated" AFTER TRUNCATE ON "cases" FOR EACH STATEMENT EXECUTE FUNCTION clear_agent_open_cases();

-- The open cases already there.
INSERT INTO "agent_open_cases" ("agent_id", "shard", "cases")
SELECT "agent_id", case_stage_shard("id"), count(*) FROM "cases" WHERE "agent_id" IS NOT NULL AND "status" = 'open' GROUP BY 1, 2;
