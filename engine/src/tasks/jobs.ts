import { z } from 'zod';
import { defineJob } from './defineJob';
import {
  businessEventPayloadSchema,
  fireTimersPayloadSchema,
  httpPayloadSchema,
  markReadPayloadSchema,
  releaseHandoffPayloadSchema,
  reportConversionPayloadSchema,
  sendPayloadSchema,
  startRunPayloadSchema,
  startRunsPayloadSchema,
} from './payloads';

/** The engine's jobs (createTaskList runs them). The server's own jobs are in server/src/worker/serverJobs.ts. */
export const businessEventJob = defineJob('business-event', businessEventPayloadSchema);

export const startRunJob = defineJob('start-run', startRunPayloadSchema);

/** A chunk of contacts starting the same flow (a broadcast page): one job and one transaction for all of them. */
export const startRunsJob = defineJob('start-runs', startRunsPayloadSchema);

/** Sends are rows of the outbox now; this job, from before it, only drains the outbox once. */
export const sendJob = defineJob('send', sendPayloadSchema, { jobKey: { prefix: 'send:', field: 'messageId' } });

// node-name-ok: the job of the HTTP effect; queued jobs already carry this name
export const httpRequestJob = defineJob('http-request', httpPayloadSchema, { maxAttempts: 1 });

/**
 * One attempt: a late receipt (or typing shown after the reply) is worse than none. Ahead of sends
 * (priority -1) so "typing…" reaches the customer before the reply that ends it.
 */
export const markReadJob = defineJob('mark-read', markReadPayloadSchema, { maxAttempts: 1, priority: -1 });

/** Keyed: one sweep is queued at a time, and scheduling another moves it. */
export const timerSweepJob = defineJob('timer-sweep', z.object({}), { jobKey: { prefix: 'timer-sweep' } });

export const fireTimersJob = defineJob('fire-timers', fireTimersPayloadSchema);

export const releaseHandoffJob = defineJob('release-handoff', releaseHandoffPayloadSchema);

/**
 * Posts one conversion to Meta's Conversions API. Its retries are its row's (queued again with the
 * delay Meta's error calls for); graphile-worker's own attempts only cover a worker that died.
 */
export const reportConversionJob = defineJob('conversions-api-report', reportConversionPayloadSchema, { maxAttempts: 3 });
