ALTER TYPE "public"."role" ADD VALUE 'agent';--> statement-breakpoint
DROP TABLE "bid_locks" CASCADE;--> statement-breakpoint
DROP TABLE "bid_scopes" CASCADE;--> statement-breakpoint
DROP TABLE "bid_shifts" CASCADE;--> statement-breakpoint
DROP TABLE "bids" CASCADE;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "agent_id" text;--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_agent_id_agents_id_fk" FOREIGN KEY ("agent_id") REFERENCES "public"."agents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "users_agent_key" ON "users" USING btree ("agent_id");
--> statement-breakpoint
CREATE TYPE "public"."award_via" AS ENUM('priority', 'lock', 'manual');--> statement-breakpoint
CREATE TYPE "public"."bid_scope_status" AS ENUM('draft', 'open', 'closed', 'archived');--> statement-breakpoint
CREATE TABLE "awards" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"scope_id" uuid NOT NULL,
	"agent_id" text NOT NULL,
	"line_id" uuid NOT NULL,
	"wave" integer NOT NULL,
	"via" "award_via" NOT NULL,
	"reason" text NOT NULL,
	"job_id" uuid,
	"adjusted_by" uuid,
	"published_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "bid_lines" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"label" text NOT NULL,
	"site_id" text NOT NULL,
	"skill_id" text NOT NULL,
	"period_start" date NOT NULL,
	"period_end" date NOT NULL,
	"days" jsonb NOT NULL,
	"start_local" text NOT NULL,
	"end_local" text NOT NULL,
	"slots" integer NOT NULL,
	"breaks" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "bid_lines_slots_positive" CHECK ("bid_lines"."slots" >= 1)
);
--> statement-breakpoint
CREATE TABLE "bid_locks" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"scope_id" uuid NOT NULL,
	"agent_id" text NOT NULL,
	"line_id" uuid NOT NULL,
	"locked_at" timestamp with time zone NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"committed_at" timestamp with time zone,
	"released_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "bid_outcomes" (
	"scope_id" uuid NOT NULL,
	"agent_id" text NOT NULL,
	"job_id" uuid,
	"position" integer,
	"tier" integer NOT NULL,
	"preferences" jsonb NOT NULL,
	"lock" jsonb,
	"explanation" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "bid_outcomes_scope_id_agent_id_pk" PRIMARY KEY("scope_id","agent_id")
);
--> statement-breakpoint
CREATE TABLE "bid_scopes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"status" "bid_scope_status" DEFAULT 'draft' NOT NULL,
	"locations" jsonb NOT NULL,
	"skill_groups" jsonb NOT NULL,
	"bidder_sites" jsonb NOT NULL,
	"users" jsonb,
	"eligibility" jsonb NOT NULL,
	"period_start" date NOT NULL,
	"period_end" date NOT NULL,
	"window" jsonb NOT NULL,
	"constraints" jsonb NOT NULL,
	"priority" jsonb NOT NULL,
	"wave" integer DEFAULT 1 NOT NULL,
	"lock_duration_hours" double precision DEFAULT 24 NOT NULL,
	"auto_release" boolean DEFAULT true NOT NULL,
	"updated_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "bid_scopes_period_order" CHECK ("bid_scopes"."period_end" >= "bid_scopes"."period_start")
);
--> statement-breakpoint
CREATE TABLE "bids" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"scope_id" uuid NOT NULL,
	"agent_id" text NOT NULL,
	"preferences" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"submitted_at" timestamp with time zone,
	"entered_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "awards" ADD CONSTRAINT "awards_scope_id_bid_scopes_id_fk" FOREIGN KEY ("scope_id") REFERENCES "public"."bid_scopes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "awards" ADD CONSTRAINT "awards_agent_id_agents_id_fk" FOREIGN KEY ("agent_id") REFERENCES "public"."agents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "awards" ADD CONSTRAINT "awards_line_id_bid_lines_id_fk" FOREIGN KEY ("line_id") REFERENCES "public"."bid_lines"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "awards" ADD CONSTRAINT "awards_job_id_jobs_id_fk" FOREIGN KEY ("job_id") REFERENCES "public"."jobs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "awards" ADD CONSTRAINT "awards_adjusted_by_users_id_fk" FOREIGN KEY ("adjusted_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bid_lines" ADD CONSTRAINT "bid_lines_site_id_sites_id_fk" FOREIGN KEY ("site_id") REFERENCES "public"."sites"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bid_lines" ADD CONSTRAINT "bid_lines_skill_id_skills_id_fk" FOREIGN KEY ("skill_id") REFERENCES "public"."skills"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bid_lines" ADD CONSTRAINT "bid_lines_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bid_locks" ADD CONSTRAINT "bid_locks_scope_id_bid_scopes_id_fk" FOREIGN KEY ("scope_id") REFERENCES "public"."bid_scopes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bid_locks" ADD CONSTRAINT "bid_locks_agent_id_agents_id_fk" FOREIGN KEY ("agent_id") REFERENCES "public"."agents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bid_locks" ADD CONSTRAINT "bid_locks_line_id_bid_lines_id_fk" FOREIGN KEY ("line_id") REFERENCES "public"."bid_lines"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bid_outcomes" ADD CONSTRAINT "bid_outcomes_scope_id_bid_scopes_id_fk" FOREIGN KEY ("scope_id") REFERENCES "public"."bid_scopes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bid_outcomes" ADD CONSTRAINT "bid_outcomes_agent_id_agents_id_fk" FOREIGN KEY ("agent_id") REFERENCES "public"."agents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bid_outcomes" ADD CONSTRAINT "bid_outcomes_job_id_jobs_id_fk" FOREIGN KEY ("job_id") REFERENCES "public"."jobs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bid_scopes" ADD CONSTRAINT "bid_scopes_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bids" ADD CONSTRAINT "bids_scope_id_bid_scopes_id_fk" FOREIGN KEY ("scope_id") REFERENCES "public"."bid_scopes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bids" ADD CONSTRAINT "bids_agent_id_agents_id_fk" FOREIGN KEY ("agent_id") REFERENCES "public"."agents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bids" ADD CONSTRAINT "bids_entered_by_users_id_fk" FOREIGN KEY ("entered_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "awards_scope_agent_line_key" ON "awards" USING btree ("scope_id","agent_id","line_id");--> statement-breakpoint
CREATE INDEX "awards_agent_idx" ON "awards" USING btree ("agent_id");--> statement-breakpoint
CREATE INDEX "bid_lines_period_idx" ON "bid_lines" USING btree ("period_start","site_id");--> statement-breakpoint
CREATE UNIQUE INDEX "bid_locks_scope_agent_key" ON "bid_locks" USING btree ("scope_id","agent_id");--> statement-breakpoint
CREATE INDEX "bid_locks_line_idx" ON "bid_locks" USING btree ("line_id");--> statement-breakpoint
CREATE INDEX "bid_scopes_period_idx" ON "bid_scopes" USING btree ("period_start","period_end");--> statement-breakpoint
CREATE UNIQUE INDEX "bids_scope_agent_key" ON "bids" USING btree ("scope_id","agent_id");--> statement-breakpoint
CREATE INDEX "bids_agent_idx" ON "bids" USING btree ("agent_id");