CREATE TABLE "capi_events" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "capi_events_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"workspace_id" text NOT NULL,
	"contact_id" bigint NOT NULL,
	"run_id" bigint,
	"conversion_id" bigint,
	"event_name" text NOT NULL,
	"payload" jsonb NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"last_error" jsonb,
	"response" jsonb,
	"sent_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "conversions" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "conversions_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"workspace_id" text NOT NULL,
	"flow_id" text NOT NULL,
	"flow_version_id" bigint NOT NULL,
	"run_id" bigint NOT NULL,
	"contact_id" bigint NOT NULL,
	"goal" text NOT NULL,
	"event" text,
	"value" double precision,
	"currency" text,
	"credit" text NOT NULL,
	"touches" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"first_human_response_ms" bigint,
	"at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "contacts" ADD COLUMN "referral" jsonb;--> statement-breakpoint
ALTER TABLE "contacts" ADD COLUMN "referral_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "messages" ADD COLUMN "pricing_category" text;--> statement-breakpoint
ALTER TABLE "messages" ADD COLUMN "pricing_type" text;--> statement-breakpoint
ALTER TABLE "messages" ADD COLUMN "billable" boolean;--> statement-breakpoint
ALTER TABLE "messages" ADD COLUMN "cost" double precision;--> statement-breakpoint
ALTER TABLE "messages" ADD COLUMN "cost_currency" text;--> statement-breakpoint
ALTER TABLE "runs" ADD COLUMN "referral" jsonb;--> statement-breakpoint
CREATE INDEX "capi_events_ws_created" ON "capi_events" USING btree ("workspace_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "conversions_run_goal" ON "conversions" USING btree ("run_id","goal");--> statement-breakpoint
CREATE INDEX "conversions_flow_at" ON "conversions" USING btree ("flow_id","at");--> statement-breakpoint
CREATE INDEX "conversions_ws_at" ON "conversions" USING btree ("workspace_id","at");