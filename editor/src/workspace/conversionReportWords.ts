import type { z } from 'zod';
import type { ConversionEventName } from '@tandem/shared';
import type { conversionReportSchema } from '@tandem/shared/api';

type ConversionReport = z.infer<typeof conversionReportSchema>;
export type ReportStatus = ConversionReport['status'];

/** The Details column of a report in words, with what is worth hovering for (Meta's trace id, the last error). */
export function reportDetails(report: Pick<ConversionReport, 'status' | 'attempts' | 'error' | 'response'>): { text: string; title?: string } {
  const error = report.error ?? {};
  switch (report.status) {
    case 'sent': {
      const trace = text(report.response?.fbtrace_id);
      return trace ? { text: 'Meta received it', title: `fbtrace_id ${trace}` } : { text: 'Meta received it' };
    }
    case 'failed':
      if (error.reason === 'invalid_event') return { text: `The event was not valid: ${text(error.message) ?? 'unknown problem'}` };
      return { text: metaErrorText(error) };
    case 'skipped':
      return { text: skipReasons[text(error.reason) ?? ''] ?? 'Not sent to Meta' };
    case 'pending':
      if (report.attempts === 0) return { text: 'Waiting to be sent' };
      // `attempts` counts the tries made: the one waiting is the next.
      return { text: `Retrying (attempt ${report.attempts + 1})`, title: `Last try: ${metaErrorText(error)}` };
  }
}

/** Why a report was never sent, by `error.reason`. */
const skipReasons: Record<string, string> = {
  sandbox: 'Sandbox workspace: nothing is sent to Meta',
  no_ad_click: 'The contact did not come from an ad click (or came from an ad in Status, which has no click id)',
  ad_click_too_old: 'The ad click was more than 7 days before',
  no_dataset: 'No dataset id set',
};

/** The event names Meta takes, as people say them; another name is shown as it is. */
export function conversionEventLabel(eventName: string): string {
  return eventLabels[eventName as ConversionEventName] ?? eventName;
}

const eventLabels: Record<ConversionEventName, string> = {
  LeadSubmitted: 'Lead submitted',
  Purchase: 'Purchase',
  AddToCart: 'Add to cart',
  InitiateCheckout: 'Checkout started',
  ViewContent: 'Content viewed',
};

export const reportStatusText: Record<ReportStatus, string> = { pending: 'Pending', sent: 'Sent', failed: 'Failed', skipped: 'Skipped' };

/** "€40.00", "12.5 XYZ" for a code Intl does not know, "12" without a currency, "—" without a value. */
export function reportValueText(value: number | null, currency: string | null, locale?: string): string {
  if (value === null) return '—';
  if (!currency) return new Intl.NumberFormat(locale, { maximumFractionDigits: 2 }).format(value);
  try {
    return new Intl.NumberFormat(locale, { style: 'currency', currency }).format(value);
  } catch {
    return `${new Intl.NumberFormat(locale, { maximumFractionDigits: 2 }).format(value)} ${currency}`;
  }
}

/** "just now", "5 min ago", "3 h ago", then the day and time ("2 Dec, 10:02"). */
export function reportWhenText(at: string, now: Date, locale?: string): string {
  const ms = now.getTime() - new Date(at).getTime();
  if (ms < 60_000) return 'just now';
  if (ms < 3_600_000) return `${Math.floor(ms / 60_000)} min ago`;
  if (ms < 86_400_000) return `${Math.floor(ms / 3_600_000)} h ago`;
  return new Date(at).toLocaleString(locale, { day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' });
}

/** Meta's refusal in words: its message and code. */
function metaErrorText(error: Record<string, unknown>): string {
  const message = text(error.message) ?? 'Meta refused it';
  return typeof error.code === 'number' ? `${message} (Meta error ${error.code})` : message;
}

function text(v: unknown): string | undefined {
  return typeof v === 'string' && v !== '' ? v : undefined;
}
