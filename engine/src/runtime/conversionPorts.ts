/** What the engine and the server exchange about goals met and their reports to Meta's Conversions API. */

export interface PendingConversionReport {
  id: number;
  workspaceId: string;
  status: 'pending' | 'sent' | 'failed' | 'skipped';
  attempts: number;
  /** The event as it goes in `data[]`. */
  event: Record<string, unknown>;
  transport: 'cloud' | 'sandbox';
  datasetId: string | null;
  accessToken: string | null;
}

export interface ConversionReportResult {
  status: 'pending' | 'sent' | 'failed' | 'skipped';
  attempts: number;
  response?: Record<string, unknown>;
  error?: Record<string, unknown>;
  retryAt?: Date;
}

/** A goal met by a run: the server credits it (who touched the conversation last) when it records it. */
export interface ConversionRecord {
  workspaceId: string;
  contactId: number;
  flowId: string;
  flowVersionId: number;
  runId: number;
  /** When the run started: touches are counted from then. */
  runStartedAt: Date;
  goal: string;
  event: string | null;
  value: number | null;
  currency: string | null;
  /** The Conversions API event to report it as, when the goal says so. */
  report?: string;
  at: Date;
}

/**
 * A conversion to report to Meta's Conversions API for Business Messaging: the server attaches the
 * run's ad click (`ctwa_clid`) and the workspace's account and dataset, or logs it as skipped.
 */
export interface ConversionReport {
  workspaceId: string;
  contactId: number;
  runId: number;
  /** The conversion (goal) it reports, when it comes from one. */
  conversionId?: number;
  eventName: string;
  value: number | null;
  currency: string | null;
  /** Meta deduplicates on it: the same conversion reported twice counts once. */
  eventId: string;
  at: Date;
}
