-- The board's stage counts, kept as cases change instead of counted on every refresh: a GROUP BY over every
-- open case cost the board 0.01x the bare page read at 200,000 open cases. Each case adds to one of 16 shard
-- rows per (team, status, stage), chosen by its id, so cases opened at the same moment do not queue on one
-- counter row. The counts are written in the transaction that changes the case, so they are exact.

-- No case changes while the counters start: the triggers and the first count see the same rows.
LOCK TABLE "cases" IN SHARE ROW EXCLUSIVE MODE;

CREATE TABLE "case_stage_counts" (
    "team_id" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "stage" TEXT NOT NULL,
    "shard" SMALLINT NOT NULL,
    "cases" BIGINT NOT NULL,

    CONSTRAINT "case_stage_counts_pkey" PRIMARY KEY ("team_id","status","stage","shard")
);

CREATE FUNCTION case_stage_shard(case_id text) RETURNS smallint LANGUAGE sql IMMUTABLE AS $$
  SELECT (hashtext(case_id) & 15)::smallint;
$$;

-- Inserts and deletes count per statement (a bulk load is one call); an update per row, only when it moves
-- the case between counters (most updates change neither stage, status nor team). '' stands for no team (a
-- primary key cannot hold NULL). Rows are taken in key order, so two transactions moving cases between the
-- same counters cannot deadlock.
CREATE FUNCTION count_inserted_cases() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "case_stage_counts" AS c ("team_id", "status", "stage", "shard", "cases")
  SELECT coalesce(n."team_id", ''), n."status", n."stage", case_stage_shard(n."id"), count(*) FROM inserted n GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4
  ON CONFLICT ("team_id", "status", "stage", "shard") DO UPDATE SET "cases" = c."cases" + excluded."cases";
  RETURN NULL;
END $$;

CREATE FUNCTION count_deleted_cases() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "case_stage_counts" c SET "cases" = c."cases" - d."cases"
    FROM (SELECT coalesce(o."team_id", '') AS "team_id", o."status", o."stage", case_stage_shard(o."id") AS "shard", count(*) AS "cases"
            FROM deleted o GROUP BY 1, 2, 3, 4) d
   WHERE (c."team_id", c."status", c."stage", c."shard") = (d."team_id", d."status", d."stage", d."shard");
  RETURN NULL;
END $$;

CREATE FUNCTION count_moved_case() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "case_stage_counts" AS c ("team_id", "status", "stage", "shard", "cases")
  SELECT * FROM (VALUES (coalesce(OLD."team_id", ''), OLD."status", OLD."stage", case_stage_shard(OLD."id"), -1::bigint),
                        (coalesce(NEW."team_id", ''), NEW."status", NEW."stage", case_stage_shard(NEW."id"), 1::bigint)) AS m ORDER BY 1, 2, 3, 4
  ON CONFLICT ("team_id", "status", "stage", "shard") DO UPDATE SET "cases" = c."cases" + excluded."cases";
  RETURN NULL;
END $$;

CREATE FUNCTION clear_case_stage_counts() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM "case_stage_counts";
  RETURN NULL;
END $$;

CREATE TRIGGER "cases_count_inserted" AFTER INSERT ON "cases" REFERENCING NEW TABLE AS inserted FOR EACH STATEMENT EXECUTE FUNCTION count_inserted_cases();
CREATE TRIGGER "cases_count_deleted" AFTER DELETE ON "cases" REFERENCING OLD TABLE AS deleted FOR EACH STATEMENT EXECUTE FUNCTION count_deleted_cases();
CREATE TRIGGER "cases_count_moved" AFTER UPDATE OF "team_id", "status", "stage", "id" ON "cases" FOR EACH ROW
  WHEN (OLD."team_id" IS DISTINCT FROM NEW."team_id" OR OLD."status" IS DISTINCT FROM NEW."status" OR OLD."stage" IS DISTINCT FROM NEW."stage" OR OLD."id" IS DISTINCT FROM NEW."id")
  EXECUTE FUNCTION count_moved_case();
CREATE TRIGGER "cases_count_truncated" AFTER TRUNCATE ON "cases" FOR EACH STATEMENT EXECUTE FUNCTION clear_case_stage_counts();

-- The cases already there, counted after the triggers exist; no case changes in between (the lock above).
INSERT INTO "case_stage_counts" ("team_id", "status", "stage", "shard", "cases")
SELECT coalesce("team_id", ''), "status", "stage", case_stage_shard("id"), count(*) FROM "cases" GROUP BY 1, 2, 3, 4;
