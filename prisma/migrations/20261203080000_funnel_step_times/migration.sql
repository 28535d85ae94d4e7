-- Times in step for the funnel (issue 28) as a histogram kept by trigger: per playbook, version, arm, team and
-- day the case opened, how many cases spent each duration in each step. Reading five million step durations
-- out of a million case rows took over a second; the histogram's rows for a month are a few hundred thousand
-- at most. Durations are kept to the second up to 10 minutes, then to 10 seconds up to an hour, to the minute
-- up to a day, to 10 minutes up to a week, to the hour beyond: under 2% off at worst, finer than a supervisor
-- reads a time in step. The counts of the funnel stay exact (case_funnel).

CREATE FUNCTION funnel_time_bucket(secs integer) RETURNS integer LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT CASE WHEN secs < 600 THEN secs
              WHEN secs < 3600 THEN secs - secs % 10
              WHEN secs < 86400 THEN secs - secs % 60
              WHEN secs < 604800 THEN secs - secs % 600
              ELSE secs - secs % 3600 END
$$;

CREATE TABLE "funnel_step_times" (
    "playbook_id" TEXT NOT NULL,
    "playbook_version" INTEGER NOT NULL,
    -- '' where the case is in no experiment, arm or team (part of the key).
    "experiment_id" TEXT NOT NULL,
    "arm" TEXT NOT NULL,
    "team_id" TEXT NOT NULL,
    -- The day the case opened (UTC).
    "opened_on" DATE NOT NULL,
    -- 1 detected … 7 surveyed (retained is the last step: no time in it).
    "step" SMALLINT NOT NULL,
    -- Seconds in the step, on the scale of funnel_time_bucket.
    "bucket" INTEGER NOT NULL,
    "cases" INTEGER NOT NULL,

    CONSTRAINT "funnel_step_times_pkey" PRIMARY KEY ("playbook_id", "playbook_version", "experiment_id", "arm", "team_id", "opened_on", "step", "bucket")
);

-- A case row's entries in the histogram, counted `delta` times (1 for its new state, -1 for its old one).
CREATE FUNCTION funnel_step_time_rows(f case_funnel, delta integer)
RETURNS TABLE (playbook_id text, playbook_version integer, experiment_id text, arm text, team_id text, opened_on date,
               step smallint, bucket integer, delta integer)
LANGUAGE sql STABLE AS $$
  SELECT f.playbook_id, f.playbook_version, coalesce(f.experiment_id, ''), coalesce(f.arm, ''), coalesce(f.team_id, ''),
         (f.opened_at AT TIME ZONE 'UTC')::date, u.ord::smallint, funnel_time_bucket(u.secs), delta
    FROM unnest(f.step_seconds) WITH ORDINALITY u(secs, ord)
   WHERE u.secs IS NOT NULL
$$;

-- A case row's change moves its entries: the old ones out, the new ones in, in key order (two cases' writes
-- lock the histogram's rows in the same order, so they wait for each other rather than deadlock).
CREATE FUNCTION funnel_step_times_follow() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' AND (OLD.playbook_id, OLD.playbook_version, OLD.experiment_id, OLD.arm, OLD.team_id, OLD.opened_at, OLD.step_seconds)
       IS NOT DISTINCT FROM (NEW.playbook_id, NEW.playbook_version, NEW.experiment_id, NEW.arm, NEW.team_id, NEW.opened_at, NEW.step_seconds) THEN
    RETURN NULL;
  END IF;
  INSERT INTO funnel_step_times AS t (playbook_id, playbook_version, experiment_id, arm, team_id, opened_on, step, bucket, cases)
  SELECT d.playbook_id, d.playbook_version, d.experiment_id, d.arm, d.team_id, d.opened_on, d.step, d.bucket, sum(d.delta)::int
    FROM (SELECT * FROM funnel_step_time_rows(NEW, 1) WHERE TG_OP <> 'DELETE'
          UNION ALL
          SELECT * FROM funnel_step_time_rows(OLD, -1) WHERE TG_OP <> 'INSERT') d
   GROUP BY 1, 2, 3, 4, 5, 6, 7, 8
  HAVING sum(d.delta) <> 0
   ORDER BY 1, 2, 3, 4, 5, 6, 7, 8
  ON CONFLICT (playbook_id, playbook_version, experiment_id, arm, team_id, opened_on, step, bucket)
  DO UPDATE SET cases = t.cases + EXCLUDED.cases;
  RETURN NULL;
END $$;

CREATE TRIGGER funnel_step_times_on_case AFTER INSERT OR UPDATE OR DELETE ON case_funnel FOR EACH ROW
  EXECUTE FUNCTION funnel_step_times_follow();

-- The whole histogram from the case rows at once (this migration, and a bulk load made with triggers off).
CREATE FUNCTION rebuild_funnel_step_times() RETURNS void LANGUAGE sql VOLATILE AS $$
  DELETE FROM funnel_step_times;
  INSERT INTO funnel_step_times (playbook_id, playbook_version, experiment_id, arm, team_id, opened_on, step, bucket, cases)
  SELECT r.playbook_id, r.playbook_version, r.experiment_id, r.arm, r.team_id, r.opened_on, r.step, r.bucket, count(*)::int
    FROM case_funnel f CROSS JOIN LATERAL funnel_step_time_rows(f, 1) r
   GROUP BY 1, 2, 3, 4, 5, 6, 7, 8;
$$;

SELECT rebuild_funnel_step_times();
