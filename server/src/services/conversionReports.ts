import { sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { conversionReportSchema } from '@tandem/shared/api';
import type { Db } from '../db/database';

type ConversionReport = z.infer<typeof conversionReportSchema>;
type Status = ConversionReport['status'];

/** The workspace's Conversions API log, newest first, with the contact's name and the journey each report came from. */
export async function listConversionReports(
  db: Pick<Db, 'execute'>,
  workspaceId: string,
  q: { limit: number; offset: number; status?: Status | undefined },
): Promise<{ reports: ConversionReport[]; total: number }> {
  const status = q.status ?? null;
  const r = await db.execute<{
    id: string;
    event_name: string;
    status: Status;
    attempts: number;
    contact_id: string;
    contact_name: string | null;
    run_id: string | null;
    flow_id: string | null;
    flow_name: string | null;
    payload: Record<string, unknown>;
    last_error: Record<string, unknown> | null;
    response: Record<string, unknown> | null;
    created_at: Date;
    sent_at: Date | null;
    total: number;
  }>(sql`
    SELECT e.id, e.event_name, e.status, e.attempts, e.contact_id, COALESCE(c.profile_name, NULLIF(trim(concat_ws(' ', c.attributes ->> 'first_name', c.attributes ->> 'last_name')), '')) AS contact_name, e.run_id, r.flow_id, f.name AS flow_name,
      e.payload, e.last_error, e.response, e.created_at, e.sent_at, count(*) OVER ()::int AS total
    FROM capi_events e
    JOIN contacts c ON c.id = e.contact_id
    LEFT JOIN runs r ON r.id = e.run_id
    LEFT JOIN flows f ON f.id = r.flow_id AND f.workspace_id = e.workspace_id
    WHERE e.workspace_id = ${workspaceId} AND (${status}::text IS NULL OR e.status = ${status}::text)
    ORDER BY e.id DESC
    LIMIT ${q.limit} OFFSET ${q.offset}`);
  const reports = r.rows.map((row): ConversionReport => {
    const custom = (row.payload.custom_data ?? {}) as { value?: unknown; currency?: unknown };
    return {
      id: Number(row.id),
      eventName: row.event_name,
      status: row.status,
      attempts: row.attempts,
      contactId: Number(row.contact_id),
      contactName: row.contact_name,
      runId: row.run_id === null ? null : Number(row.run_id),
      flowId: row.flow_id,
      flowName: row.flow_name,
      value: typeof custom.value === 'number' ? custom.value : null,
      currency: typeof custom.currency === 'string' ? custom.currency : null,
      error: row.last_error,
      response: row.response,
      event: row.payload,
      createdAt: new Date(row.created_at).toISOString(),
      sentAt: row.sent_at ? new Date(row.sent_at).toISOString() : null,
    };
  });
  return { reports, total: r.rows[0]?.total ?? 0 };
}
