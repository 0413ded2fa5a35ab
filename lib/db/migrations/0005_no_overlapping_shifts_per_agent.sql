-- No agent works two shifts at once, whoever writes (an import, an edit, a trade, an
-- accepted proposal, an award) and however many write at the same time: a check before a
-- transaction cannot see a concurrent one's rows, this constraint does. Deferred to
-- commit, so a swap that moves two same-time shifts between two agents passes through its
-- in-between state. Touching ends (09:00–17:00 then 17:00–01:00) do not overlap.
-- Where btree_gist cannot be had (the embedded PGlite build), writers re-check inside their
-- transaction instead; PGlite runs one transaction at a time, so that check cannot race.
DO $$
BEGIN
  IF EXISTS (SELECT 1 FROM pg_available_extensions WHERE name = 'btree_gist') THEN
    CREATE EXTENSION IF NOT EXISTS btree_gist;
    ALTER TABLE "shifts" ADD CONSTRAINT "shifts_no_overlap_per_agent"
      EXCLUDE USING gist ("agent_id" WITH =, tstzrange("starts_at", "ends_at", '[)') WITH &&)
      DEFERRABLE INITIALLY DEFERRED;
  END IF;
END $$;
