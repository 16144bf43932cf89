CREATE TABLE "send_clocks" (
	"workspace_id" text PRIMARY KEY NOT NULL,
	"booked_until" timestamp with time zone NOT NULL,
	"span_ms" double precision NOT NULL
);
