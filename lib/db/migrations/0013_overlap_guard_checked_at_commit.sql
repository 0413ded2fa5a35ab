-- No agent works two shifts at once, whoever writes: the rule of 0005, now kept by the
-- database on both databases and without the GiST index that cost a 100,000-row import
-- about half its commit (lib/domain/schedule/README.md, "The no-overlap guard").
--
-- How: a statement trigger notes, per transaction, each agent whose shifts a statement
-- inserted or moved (agent or times changed) and the window those shifts span. At commit
-- (deferred, so a swap passes through its in-between state as before) the first noted row
-- to fire takes one advisory lock per agent bucket, in order, then looks at the noted
-- agents' shifts in their windows with a fresh snapshot: one sorted pass finds any shift
-- starting before an earlier one of the same agent has ended. Two writers touching the
-- same agent check one after the other, and the second sees the first's committed rows,
-- so concurrent writers cannot both slip an overlap past it. Touching ends (09:00–17:00
-- then 17:00–01:00) do not overlap. The refusal carries the old constraint's name and
-- SQLSTATE (23P01), so writers read it as before.
--
-- Both triggers fire in replica mode too (ENABLE ALWAYS): a bulk writer that skips the
-- per-row foreign-key checks that way cannot skip this one.
DO $$
BEGIN
  IF EXISTS (SELECT 1 FROM pg_constraint WHERE conname = 'shifts_no_overlap_per_agent') THEN
    ALTER TABLE "shifts" DROP CONSTRAINT "shifts_no_overlap_per_agent";
  END IF;
END $$;
--> statement-breakpoint
CREATE TABLE IF NOT EXISTS "shift_overlap_pending" (
  "txid" bigint NOT NULL,
  "agent_id" text NOT NULL,
  "from_at" timestamptz NOT NULL,
  "to_at" timestamptz NOT NULL,
  PRIMARY KEY ("txid", "agent_id")
);
--> statement-breakpoint
CREATE OR REPLACE FUNCTION shifts_overlap_note() RETURNS trigger AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO shift_overlap_pending AS p (txid, agent_id, from_at, to_at)
      SELECT txid_current(), n.agent_id, min(n.starts_at), max(n.ends_at) FROM new_rows n GROUP BY n.agent_id
      ON CONFLICT (txid, agent_id) DO UPDATE SET from_at = least(p.from_at, excluded.from_at), to_at = greatest(p.to_at, excluded.to_at);
  ELSE
    -- A publish or a note changes no times: only shifts moved in time or to another agent count.
    INSERT INTO shift_overlap_pending AS p (txid, agent_id, from_at, to_at)
      SELECT txid_current(), n.agent_id, min(n.starts_at), max(n.ends_at)
      FROM new_rows n JOIN old_rows o ON o.id = n.id
      WHERE (n.agent_id, n.starts_at, n.ends_at) IS DISTINCT FROM (o.agent_id, o.starts_at, o.ends_at)
      GROUP BY n.agent_id
      ON CONFLICT (txid, agent_id) DO UPDATE SET from_at = least(p.from_at, excluded.from_at), to_at = greatest(p.to_at, excluded.to_at);
  END IF;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION shifts_overlap_check() RETURNS trigger AS $$
DECLARE
  late record;
  early record;
BEGIN
  -- The first noted row of the transaction to fire checks them all; the others find theirs gone.
  IF NOT EXISTS (SELECT 1 FROM shift_overlap_pending WHERE txid = NEW.txid AND agent_id = NEW.agent_id) THEN
    RETURN NULL;
  END IF;
  -- The check must see what others committed after this transaction began.
  IF current_setting('transaction_isolation') <> 'read committed' THEN
    RAISE EXCEPTION 'Shifts may only be written under READ COMMITTED: the no-overlap check must see concurrent commits.'
      USING ERRCODE = 'feature_not_supported';
  END IF;
  -- Buckets, not agents: a 5,000-agent import takes at most 1,024 locks. Sorted, so two
  -- checks never wait on each other in a circle.
  PERFORM pg_advisory_xact_lock(1397247572, k.bucket)
    FROM (SELECT DISTINCT hashtext(agent_id) & 1023 AS bucket FROM shift_overlap_pending WHERE txid = NEW.txid ORDER BY 1) k;
  SELECT x.agent_id, x.starts_at, x.ends_at INTO late
  FROM (
    SELECT s.agent_id, s.starts_at, s.ends_at,
      max(s.ends_at) OVER (PARTITION BY s.agent_id ORDER BY s.starts_at, s.ends_at ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) AS reach
    FROM shift_overlap_pending p
    JOIN shifts s ON s.agent_id = p.agent_id AND s.starts_at < p.to_at AND s.ends_at > p.from_at
    WHERE p.txid = NEW.txid
  ) x
  WHERE x.reach > x.starts_at
  LIMIT 1;
  IF FOUND THEN
    SELECT e.starts_at, e.ends_at INTO early FROM shifts e
    WHERE e.agent_id = late.agent_id AND e.starts_at <= late.starts_at AND e.ends_at > late.starts_at
      AND (e.starts_at, e.ends_at) <> (late.starts_at, late.ends_at)
    ORDER BY e.starts_at LIMIT 1;
    RAISE EXCEPTION '% would work two shifts at once: % UTC–% UTC and % UTC–% UTC.',
        late.agent_id,
        to_char(coalesce(early.starts_at, late.starts_at) AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI'),
        to_char(coalesce(early.ends_at, late.ends_at) AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI'),
        to_char(late.starts_at AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI'),
        to_char(late.ends_at AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI')
      USING ERRCODE = 'exclusion_violation', CONSTRAINT = 'shifts_no_overlap_per_agent', TABLE = 'shifts';
  END IF;
  DELETE FROM shift_overlap_pending WHERE txid = NEW.txid;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
-- Named to sort before shifts_marks_schedule_revision: statement triggers fire in name order,
-- so the commit-time check is queued (and runs) before the revision bump, and a writer never
-- holds the revision row while waiting for an agent's lock.
CREATE TRIGGER shifts_guard_overlap_on_insert AFTER INSERT ON shifts
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION shifts_overlap_note();
--> statement-breakpoint
CREATE TRIGGER shifts_guard_overlap_on_update AFTER UPDATE ON shifts
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION shifts_overlap_note();
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER shift_overlap_checked_at_commit AFTER INSERT ON shift_overlap_pending
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION shifts_overlap_check();
--> statement-breakpoint
ALTER TABLE shifts ENABLE ALWAYS TRIGGER shifts_guard_overlap_on_insert;
--> statement-breakpoint
ALTER TABLE shifts ENABLE ALWAYS TRIGGER shifts_guard_overlap_on_update;
--> statement-breakpoint
ALTER TABLE shift_overlap_pending ENABLE ALWAYS TRIGGER shift_overlap_checked_at_commit;
