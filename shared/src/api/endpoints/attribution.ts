import { z } from 'zod';
import { route } from '../route';
import { page, ws } from './params';

/** One report to Meta's Conversions API, as logged: what was sent and how it went. */
export const conversionReportSchema = z.object({
  id: z.number().int(),
  eventName: z.string(),
  /** pending: queued or waiting for a retry; sent: Meta took it; failed: Meta refused it or every attempt failed; skipped: never sent (see `error.reason`). */
  status: z.enum(['pending', 'sent', 'failed', 'skipped']),
  attempts: z.number().int(),
  contactId: z.number().int(),
  contactName: z.string().nullable(),
  runId: z.number().int().nullable(),
  flowId: z.string().nullable(),
  flowName: z.string().nullable(),
  value: z.number().nullable(),
  currency: z.string().nullable(),
  /** Meta's error (code, message) or the reason it was skipped: sandbox, no_ad_click, ad_click_too_old, no_dataset. */
  error: z.record(z.string(), z.unknown()).nullable(),
  /** Meta's answer (events_received, fbtrace_id). */
  response: z.record(z.string(), z.unknown()).nullable(),
  /** The event as sent in `data[]`. */
  event: z.record(z.string(), z.unknown()),
  createdAt: z.string(),
  sentAt: z.string().nullable(),
});

/** Attribution: the Conversions API log. */
export const attributionEndpoints = {
  listConversionReports: route({
    method: 'get',
    path: '/api/workspaces/{workspaceId}/conversion-reports',
    summary: "The workspace's reports to Meta's Conversions API, newest first, with their status, attempts and Meta's answer",
    tag: 'analytics',
    role: 'viewer',
    params: ws,
    query: page.extend({ status: z.enum(['pending', 'sent', 'failed', 'skipped']).optional() }),
    response: z.object({ reports: z.array(conversionReportSchema), total: z.number().int() }),
  }),
};
