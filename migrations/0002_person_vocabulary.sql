ALTER TABLE "timers" ADD COLUMN "restart_ms" bigint;--> statement-breakpoint
-- A handoff's quiet period restarts on activity: give the idle timers of runs already handed over their length.
UPDATE "timers" t SET "restart_ms" = ((n.node -> 'data' -> 'resume' ->> 'idleHours')::float * 3600000)::bigint
FROM "runs" r JOIN "flow_versions" v ON v.id = r.flow_version_id
CROSS JOIN LATERAL (SELECT x AS node FROM jsonb_array_elements(v.document -> 'nodes') x WHERE x ->> 'id' = r.current_node) n
WHERE t.run_id = r.id AND t.kind = 'idle' AND r.status = 'active' AND r.waiting_for = 'handoff';
--> statement-breakpoint
-- "A person has the conversation" is named 'person' (it was the node type's name, 'handoff').
UPDATE "contacts" SET "pause_reason" = 'person' WHERE "pause_reason" = 'handoff';
--> statement-breakpoint
UPDATE "runs" SET "waiting_for" = 'person' WHERE "waiting_for" = 'handoff';
--> statement-breakpoint
UPDATE "messages" SET "purpose" = 'handover_note' WHERE "purpose" = 'handoff';
