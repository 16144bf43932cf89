import { z } from 'zod';
import { route } from '../route';
import { ws } from './params';

const isoDate = z.string();
/** A share between 0 and 1; null when there is nothing to divide by. */
const rate = z.number().min(0).max(1).nullable();
const credit = z.object({ bot: z.number().int(), app: z.number().int(), agent: z.number().int(), none: z.number().int() });

/** The period and scope of a dashboard: the workspace, or one journey (all its versions). */
export const dashboardQuerySchema = z
  .object({
    from: z.string().datetime({ offset: true }),
    to: z.string().datetime({ offset: true }),
    flowId: z.string().min(1).optional(),
    bucket: z.enum(['day', 'week']).default('day'),
  })
  .refine((q) => Date.parse(q.from) < Date.parse(q.to), { message: 'from must be before to', path: ['from'] })
  .refine((q) => Date.parse(q.to) - Date.parse(q.from) <= 366 * 86_400_000, { message: 'At most a year at a time', path: ['to'] });
export type DashboardQuery = z.output<typeof dashboardQuerySchema>;

/**
 * The product brief's KPIs over a period. Money is in the workspace's rate-table currency
 * (`currency`): `revenue` counts conversions in it, `otherRevenue` the ones in other currencies
 * (not converted, not in ROI).
 */
export const dashboardTotalsSchema = z.object({
  runsStarted: z.number().int(),
  runsCompleted: z.number().int(),
  conversions: z.number().int(),
  /** Conversions ÷ runs started in the period. */
  conversionRate: rate,
  revenue: z.number(),
  otherRevenue: z.record(z.string(), z.number()),
  /** Actual cost of the messages sent in the period (from the pricing of their status webhooks). */
  cost: z.number(),
  /** (revenue − cost) ÷ cost; null when nothing cost anything. */
  roi: z.number().nullable(),
  revenuePerRun: z.number().nullable(),
  costPerConversion: z.number().nullable(),
  messages: z.object({ sent: z.number().int(), delivered: z.number().int(), read: z.number().int(), replied: z.number().int(), failed: z.number().int() }),
  /** Read ÷ delivered (or sent when none was delivered). */
  readRate: rate,
  /** Messages the contact answered within 24 hours ÷ messages sent. */
  replyRate: rate,
  /** Of the templates sent while the contact's window was closed, the share the contact answered within 24 hours (reopening the session). */
  sessionReopenRate: rate,
  /** Of the runs that ended or converted in the period, the share no person (Business App, inbox agent, handoff) took part in. */
  botContainmentRate: rate,
  /** Whom the last touch before each conversion credits. */
  credit,
  /** Conversions a person (App or inbox) touched before, whoever touched last. */
  assistedConversions: z.number().int(),
  /** Median time from a run's start to a person's first reply, over the conversions that had one. */
  firstHumanResponseMs: z.number().nullable(),
  handoffs: z.number().int(),
  /** Median time from a handoff being taken (or opened) to its release, over those released in the period. */
  agentHandleTimeMs: z.number().nullable(),
});

export const dashboardPointSchema = z.object({
  /** Start of the day or week (UTC). */
  at: isoDate,
  runsStarted: z.number().int(),
  conversions: z.number().int(),
  revenue: z.number(),
  cost: z.number(),
  sent: z.number().int(),
  read: z.number().int(),
  replied: z.number().int(),
});

/**
 * One goal's figures, goals grouped by name (exactly as written) across the journeys in scope. A
 * goal's journeys are those whose live version (else latest published one) lists a goal of that
 * name in its settings, plus any that recorded a conversion of it in the period (a goal since
 * renamed or removed keeps a denominator). A goal is listed when it converted in the period or one
 * of its journeys started a run in it.
 */
export const dashboardGoalSchema = z.object({
  goal: z.string(),
  /** Runs started in the period of the goal's journeys. */
  runsStarted: z.number().int(),
  /** Conversions of this goal in the period. */
  conversions: z.number().int(),
  /** Conversions ÷ `runsStarted` (at most 1: runs may convert after the period they started in). */
  rate,
  /** The value of its conversions in the workspace currency (other currencies left out). */
  revenue: z.number(),
  /** Cost of the messages sent in the period by runs of the goal's journeys (shared by a journey's goals). */
  cost: z.number(),
  /** `cost` ÷ conversions; null when none. */
  costPerConversion: z.number().nullable(),
  /** Whom the last touch before each of its conversions credits. */
  credit,
});
export type DashboardGoal = z.output<typeof dashboardGoalSchema>;

export const dashboardSchema = z.object({
  from: isoDate,
  to: isoDate,
  flowId: z.string().nullable(),
  bucket: z.enum(['day', 'week']),
  currency: z.string(),
  totals: dashboardTotalsSchema,
  /** One point per bucket of the period, empty buckets included, oldest first. */
  series: z.array(dashboardPointSchema),
  /** One journey: its steps in graph order (from the trigger) with how many runs entered each in the period; empty for the workspace. */
  funnel: z.array(z.object({ nodeId: z.string(), label: z.string(), type: z.string(), entered: z.number().int() })),
  /** The workspace: one line per journey with runs in the period, most runs first; for one journey, its own line. */
  flows: z.array(
    z.object({
      flowId: z.string(),
      name: z.string(),
      runsStarted: z.number().int(),
      conversions: z.number().int(),
      revenue: z.number(),
      cost: z.number(),
    }),
  ),
  /** One line per goal (see `dashboardGoalSchema`), most conversions first, then by name. */
  goals: z.array(dashboardGoalSchema),
});
export type Dashboard = z.output<typeof dashboardSchema>;

/**
 * The dashboard. `dashboardCsv` answers the same figures as `text/csv`: one row per bucket, a
 * `total` row, then one row per goal with `goal:<name>` in the `at` column (runs started,
 * conversions, revenue and cost filled; the message columns empty).
 */
export const dashboardEndpoints = {
  dashboard: route({
    method: 'get',
    path: '/api/workspaces/{workspaceId}/dashboard',
    summary: "The workspace's or one journey's KPIs over a period: conversions, revenue, cost, ROI, read and reply rates, credit, containment, handle time",
    tag: 'analytics',
    role: 'viewer',
    params: ws,
    query: dashboardQuerySchema,
    response: dashboardSchema,
  }),
  dashboardCsv: route({
    method: 'get',
    path: '/api/workspaces/{workspaceId}/dashboard.csv',
    summary: 'The dashboard as CSV (a download): one row per bucket, a totals row, then one `goal:<name>` row per goal',
    tag: 'analytics',
    role: 'viewer',
    params: ws,
    query: dashboardQuerySchema,
    response: z.string(),
    mediaType: 'text/csv',
  }),
};
