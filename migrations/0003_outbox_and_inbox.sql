ALTER TABLE "messages" ADD COLUMN "send_after" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "webhook_events" ADD COLUMN "attempts" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "webhook_events" ADD COLUMN "next_attempt_at" timestamp with time zone DEFAULT now() NOT NULL;--> statement-breakpoint
ALTER TABLE "webhook_events" ADD COLUMN "error" text;--> statement-breakpoint
CREATE INDEX "messages_outbox" ON "messages" USING btree ("send_after") WHERE send_after IS NOT NULL;--> statement-breakpoint
CREATE INDEX "webhook_events_inbox" ON "webhook_events" USING btree ("next_attempt_at","id") WHERE processed_at IS NULL;--> statement-breakpoint
-- Queued messages move to the outbox: pending and held ones are due now (the sender decides again).
UPDATE "messages" SET "send_after" = now() WHERE "direction" = 'out' AND "status" IN ('pending', 'held');
