CREATE TABLE "schedule_revision" (
	"id" integer PRIMARY KEY DEFAULT 1 NOT NULL,
	"revision" bigint DEFAULT 0 NOT NULL,
	CONSTRAINT "schedule_revision_one_row" CHECK ("schedule_revision"."id" = 1)
);
--> statement-breakpoint
INSERT INTO "schedule_revision" ("id", "revision") VALUES (1, 0) ON CONFLICT DO NOTHING;
--> statement-breakpoint
-- Coverage answers are cached per revision, so every change to what coverage is computed
-- from must bump it, whoever writes (a service, a script, SQL). The bump runs at commit: a
-- reader never sees the new revision before the new rows, and the revision row is the last
-- lock a writer takes, so two writers touching the same shifts in different orders cannot
-- deadlock on it. Cheap for big writes: a statement-level trigger marks the transaction
-- once (one row in schedule_revision_pending, its own, so no writer waits on another), and
-- that one row's deferred trigger does the bump at commit. A rolled-back transaction's mark
-- goes with it.
CREATE TABLE IF NOT EXISTS "schedule_revision_pending" ("txid" bigint PRIMARY KEY);
--> statement-breakpoint
CREATE OR REPLACE FUNCTION schedule_revision_mark() RETURNS trigger AS $$
BEGIN
  IF current_setting('shiftboard.schedule_revision_marked', true) = 'on' THEN
    RETURN NULL;
  END IF;
  INSERT INTO schedule_revision_pending (txid) VALUES (txid_current()) ON CONFLICT DO NOTHING;
  PERFORM set_config('shiftboard.schedule_revision_marked', 'on', true);
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION schedule_revision_bump() RETURNS trigger AS $$
BEGIN
  UPDATE schedule_revision SET revision = revision + 1 WHERE id = 1;
  DELETE FROM schedule_revision_pending WHERE txid = NEW.txid;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER schedule_revision_bump_at_commit AFTER INSERT ON schedule_revision_pending
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION schedule_revision_bump();
--> statement-breakpoint
DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['shifts', 'demand', 'agents', 'agent_skills', 'skills', 'sites', 'app_settings'] LOOP
    EXECUTE format('CREATE TRIGGER %I AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON %I FOR EACH STATEMENT EXECUTE FUNCTION schedule_revision_mark()', t || '_marks_schedule_revision', t);
  END LOOP;
END $$;
