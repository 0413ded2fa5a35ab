CREATE TABLE "schedule_revision" (
	"id" integer PRIMARY KEY DEFAULT 1 NOT NULL,
	"revision" bigint DEFAULT 0 NOT NULL,
	CONSTRAINT "schedule_revision_one_row" CHECK ("schedule_revision"."id" = 1)
);
--> statement-breakpoint
INSERT INTO "schedule_revision" ("id", "revision") VALUES (1, 0) ON CONFLICT DO NOTHING;
--> statement-breakpoint
-- Coverage answers are cached per revision, so every change to what coverage is computed
-- from must bump it, whoever writes (a service, a script, SQL). The bump runs at commit
-- (a deferred constraint trigger): a reader never sees the new revision before the new
-- rows, and the revision row is the last lock a writer takes, so two writers touching the
-- same shifts in different orders cannot deadlock on it. A transaction bumps once, however
-- many rows it writes (the flag is local to the transaction).
CREATE OR REPLACE FUNCTION schedule_revision_bump() RETURNS trigger AS $$
BEGIN
  IF TG_OP <> 'TRUNCATE' AND current_setting('shiftboard.schedule_revision_bumped', true) = 'on' THEN
    RETURN NULL;
  END IF;
  UPDATE schedule_revision SET revision = revision + 1 WHERE id = 1;
  IF TG_OP <> 'TRUNCATE' THEN
    PERFORM set_config('shiftboard.schedule_revision_bumped', 'on', true);
  END IF;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['shifts', 'demand', 'agents', 'agent_skills', 'skills', 'sites', 'app_settings'] LOOP
    EXECUTE format('CREATE CONSTRAINT TRIGGER %I AFTER INSERT OR UPDATE OR DELETE ON %I DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION schedule_revision_bump()', t || '_bumps_schedule_revision', t);
    EXECUTE format('CREATE TRIGGER %I AFTER TRUNCATE ON %I FOR EACH STATEMENT EXECUTE FUNCTION schedule_revision_bump()', t || '_truncate_bumps_schedule_revision', t);
  END LOOP;
END $$;
