CREATE TABLE "consent_changes" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "consent_changes_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"workspace_id" text NOT NULL,
	"contact_id" bigint NOT NULL,
	"consent" text NOT NULL,
	"previous" text NOT NULL,
	"source" text,
	"at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "consent_changes" ADD CONSTRAINT "consent_changes_contact_id_contacts_id_fk" FOREIGN KEY ("contact_id") REFERENCES "public"."contacts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "consent_changes_contact" ON "consent_changes" USING btree ("contact_id","id");--> statement-breakpoint
-- Hand-written below: every change of marketing_consent, from any path, lands in consent_changes,
-- dated as the contact row dates it (the event's time, or the sandbox clock).
CREATE FUNCTION record_consent_change() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  before text := CASE WHEN TG_OP = 'INSERT' THEN 'unknown' ELSE OLD.marketing_consent END;
BEGIN
  IF NEW.marketing_consent IS DISTINCT FROM before THEN
    INSERT INTO consent_changes (workspace_id, contact_id, consent, previous, source, at)
    VALUES (NEW.workspace_id, NEW.id, NEW.marketing_consent, before, NEW.consent_source, COALESCE(NEW.consent_changed_at, now()));
  END IF;
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE TRIGGER contacts_consent_changes AFTER INSERT OR UPDATE OF marketing_consent ON contacts
  FOR EACH ROW EXECUTE FUNCTION record_consent_change();--> statement-breakpoint
-- Contacts whose consent changed before this migration keep their latest change as the first entry.
INSERT INTO consent_changes (workspace_id, contact_id, consent, previous, source, at)
  SELECT workspace_id, id, marketing_consent, 'unknown', consent_source, consent_changed_at
  FROM contacts WHERE consent_changed_at IS NOT NULL AND marketing_consent <> 'unknown'
  ORDER BY consent_changed_at, id;
