CREATE TABLE "contact_history" (
	"skill_id" text NOT NULL,
	"interval_start" timestamp with time zone NOT NULL,
	"contacts" double precision NOT NULL,
	"aht_seconds" double precision NOT NULL,
	"pulled_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "contact_history_skill_id_interval_start_pk" PRIMARY KEY("skill_id","interval_start"),
	CONSTRAINT "contact_history_non_negative" CHECK ("contact_history"."contacts" >= 0 and "contact_history"."aht_seconds" >= 0)
);
--> statement-breakpoint
ALTER TABLE "cxone_connections" ADD COLUMN "profile" text DEFAULT 'seed' NOT NULL;--> statement-breakpoint
ALTER TABLE "cxone_connections" ADD COLUMN "tenant_id" text;--> statement-breakpoint
ALTER TABLE "cxone_connections" ADD COLUMN "api_host" text;--> statement-breakpoint
ALTER TABLE "cxone_connections" ADD COLUMN "access_key_id" text;--> statement-breakpoint
ALTER TABLE "cxone_connections" ADD COLUMN "access_key_secret_encrypted" text;