ALTER TABLE "users" ADD COLUMN "session_version" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
-- A role change ends the user's sessions, whoever makes it (a service, a script, SQL).
CREATE OR REPLACE FUNCTION users_bump_session_on_role() RETURNS trigger AS $$
BEGIN
  IF NEW.role IS DISTINCT FROM OLD.role THEN
    NEW.session_version := OLD.session_version + 1;
  END IF;
  RETURN NEW;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER users_role_change_ends_sessions BEFORE UPDATE OF role ON users
  FOR EACH ROW EXECUTE FUNCTION users_bump_session_on_role();
--> statement-breakpoint
-- So does a change of the sites a supervisor is scoped to.
CREATE OR REPLACE FUNCTION user_site_scopes_bump_session() RETURNS trigger AS $$
BEGIN
  UPDATE users SET session_version = session_version + 1
    WHERE id IN (SELECT CASE WHEN TG_OP = 'DELETE' THEN OLD.user_id ELSE NEW.user_id END
                 UNION SELECT CASE WHEN TG_OP = 'UPDATE' THEN OLD.user_id END);
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER user_site_scopes_change_ends_sessions AFTER INSERT OR UPDATE OR DELETE ON user_site_scopes
  FOR EACH ROW EXECUTE FUNCTION user_site_scopes_bump_session();
--> statement-breakpoint
-- Sign-in throttling on Postgres (rate-limiter-flexible's table layout; keys are hashes,
-- never emails or addresses). The embedded database throttles in process memory instead.
CREATE TABLE IF NOT EXISTS "sign_in_throttle" (
  "key" varchar(255) PRIMARY KEY,
  "points" integer NOT NULL DEFAULT 0,
  "expire" bigint
);
