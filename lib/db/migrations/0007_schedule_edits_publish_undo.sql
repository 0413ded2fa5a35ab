CREATE TABLE "import_replacements" (
	"import_id" uuid NOT NULL,
	"shift_id" uuid NOT NULL,
	"shift" jsonb NOT NULL,
	CONSTRAINT "import_replacements_import_id_shift_id_pk" PRIMARY KEY("import_id","shift_id")
);
--> statement-breakpoint
ALTER TABLE "imports" ADD COLUMN "undone_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "shifts" ADD COLUMN "published_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "shifts" ADD COLUMN "changed_since_publish" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "import_replacements" ADD CONSTRAINT "import_replacements_import_id_imports_id_fk" FOREIGN KEY ("import_id") REFERENCES "public"."imports"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "trade_requests_initiator_shift_idx" ON "trade_requests" USING btree ("initiator_shift_id");--> statement-breakpoint
CREATE INDEX "trade_requests_receiver_shift_idx" ON "trade_requests" USING btree ("receiver_shift_id");