import { conversionEventSchema } from '../whatsapp';
import type { EngineDeps } from './deps';

/** Attempts of one report before it is given up (about 17 minutes of backoff for transient errors). */
const MAX_REPORT_ATTEMPTS = 10;
const PARTNER_AGENT = 'tandem';

/**
 * The `report-conversion` job: posts a logged conversion to Meta's Conversions API for Business
 * Messaging and records the answer on its row. A transient failure queues the next attempt with the
 * delay the error calls for; a permanent one (or the last attempt) marks it failed with Meta's
 * error. A report already settled is left alone (a job that ran twice posts once).
 */
export async function reportConversion(reportId: number, deps: EngineDeps): Promise<void> {
  const report = await deps.store.loadConversionReport(reportId);
  if (report?.status !== 'pending') return;
  const attempts = report.attempts + 1;
  const settle = (result: Parameters<EngineDeps['store']['settleConversionReport']>[1]) => deps.store.settleConversionReport(reportId, result);
  if (report.transport === 'sandbox') return settle({ status: 'skipped', attempts: report.attempts, error: { reason: 'sandbox' } });
  if (!report.datasetId || !report.accessToken) return settle({ status: 'skipped', attempts: report.attempts, error: { reason: 'no_dataset' } });
  const event = conversionEventSchema.safeParse(report.event);
  if (!event.success) {
    return settle({ status: 'failed', attempts, error: { reason: 'invalid_event', message: event.error.issues[0]?.message ?? 'invalid' } });
  }
  const outcome = await deps.transport.reportConversions(
    { data: [event.data], partner_agent: PARTNER_AGENT },
    { datasetId: report.datasetId, accessToken: report.accessToken },
    { attempt: report.attempts },
  );
  const fields = { workspaceId: report.workspaceId, reportId, event: event.data.event_name, attempts };
  if (outcome.ok) {
    deps.logger.info(fields, 'conversion reported to Meta');
    return settle({
      status: 'sent',
      attempts,
      response: { events_received: outcome.eventsReceived, ...(outcome.fbtraceId ? { fbtrace_id: outcome.fbtraceId } : {}) },
    });
  }
  const error = { code: outcome.error.code, message: outcome.error.message, handling: outcome.handling };
  const transient = outcome.handling === 'retry' || outcome.handling === 'retry_later';
  if (transient && attempts < MAX_REPORT_ATTEMPTS) {
    deps.logger.warn({ ...fields, ...error }, 'reporting the conversion failed; retrying');
    return settle({ status: 'pending', attempts, error, retryAt: new Date(Date.now() + (outcome.retryAfterMs ?? 1_000)) });
  }
  deps.logger.warn({ ...fields, ...error }, 'reporting the conversion failed; given up');
  return settle({ status: 'failed', attempts, error });
}
