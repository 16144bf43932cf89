-- A person's replies from the Business App no longer stamp a pause on the contact: each journey
-- judges its own human-reply rule from the last live App reply when it is about to speak.
ALTER TABLE "contacts" ADD COLUMN "last_echo_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "contacts" ADD COLUMN "last_echo_text" text;--> statement-breakpoint
ALTER TABLE "contacts" ADD COLUMN "bot_released_at" timestamp with time zone;--> statement-breakpoint
-- Contacts paused by an App reply now stay held by the journeys' rules; the others count as given back.
UPDATE "contacts" SET "last_echo_at" = "last_app_reply_at",
  "bot_released_at" = CASE WHEN "pause_reason" = 'app_reply' AND "paused_until" > now() THEN NULL ELSE now() END
  WHERE "last_app_reply_at" IS NOT NULL;--> statement-breakpoint
UPDATE "contacts" SET "paused_until" = NULL, "pause_reason" = NULL WHERE "pause_reason" = 'app_reply';--> statement-breakpoint
ALTER TABLE "contacts" DROP COLUMN "resume_keyword";
