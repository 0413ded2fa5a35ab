ALTER TABLE "demand" DROP CONSTRAINT "demand_skill_id_interval_start_pk";--> statement-breakpoint
ALTER TABLE "demand" ADD COLUMN "site_id" text;--> statement-breakpoint
ALTER TABLE "demand" ADD CONSTRAINT "demand_site_id_sites_id_fk" FOREIGN KEY ("site_id") REFERENCES "public"."sites"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "demand" ADD CONSTRAINT "demand_skill_site_interval_uq" UNIQUE NULLS NOT DISTINCT("skill_id","site_id","interval_start");