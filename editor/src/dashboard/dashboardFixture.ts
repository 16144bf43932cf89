import { dashboardSchema, type Dashboard } from '@tandem/shared/api';

/** A week of a shop's dashboard, as the API answers it (the tests' fixture; a fresh copy each call). */
export function dashboardFixture(): Dashboard {
  const day = (d: number, runsStarted: number, conversions: number, revenue: number, cost: number) => ({
    at: `2026-03-${String(d).padStart(2, '0')}T00:00:00.000Z`,
    runsStarted,
    conversions,
    revenue,
    cost,
    sent: runsStarted * 2,
    read: runsStarted,
    replied: Math.round(runsStarted / 2),
  });
  const goal = (name: string, runsStarted: number, conversions: number, revenue: number, cost: number, credit: Dashboard['totals']['credit']) => ({
    goal: name,
    runsStarted,
    conversions,
    rate: conversions / runsStarted,
    revenue,
    cost,
    costPerConversion: conversions > 0 ? cost / conversions : null,
    credit,
  });
  return dashboardSchema.parse({
    from: '2026-03-04T00:00:00.000Z',
    to: '2026-03-10T23:59:59.999Z',
    flowId: null,
    bucket: 'day',
    currency: 'USD',
    totals: {
      runsStarted: 120,
      runsCompleted: 90,
      conversions: 12,
      conversionRate: 0.1,
      revenue: 1250,
      otherRevenue: {},
      cost: 50,
      roi: 24,
      revenuePerRun: 1250 / 120,
      costPerConversion: 50 / 12,
      messages: { sent: 240, delivered: 230, read: 184, replied: 60, failed: 2 },
      readRate: 0.8,
      replyRate: 0.25,
      sessionReopenRate: 0.4,
      botContainmentRate: 0.75,
      credit: { bot: 9, app: 2, agent: 1, none: 0 },
      assistedConversions: 3,
      firstHumanResponseMs: 240_000,
      handoffs: 2,
      agentHandleTimeMs: 80 * 60_000,
    },
    series: [
      day(4, 10, 1, 100, 5),
      day(5, 20, 2, 200, 8),
      day(6, 30, 3, 300, 12),
      day(7, 20, 2, 250, 9),
      day(8, 20, 2, 200, 8),
      day(9, 20, 2, 200, 8),
      day(10, 0, 0, 0, 0),
    ],
    funnel: [],
    flows: [
      { flowId: 'fl_cart', name: 'Abandoned cart recovery', runsStarted: 80, conversions: 10, revenue: 1000, cost: 40 },
      { flowId: 'fl_welcome', name: 'Welcome', runsStarted: 40, conversions: 2, revenue: 250, cost: 10 },
    ],
    goals: [
      goal('Cart recovered', 80, 10, 1000, 40, { bot: 8, app: 1, agent: 1, none: 0 }),
      goal('Purchase', 40, 2, 250, 10, { bot: 1, app: 1, agent: 0, none: 0 }),
      goal('Qualified lead', 40, 0, 0, 10, { bot: 0, app: 0, agent: 0, none: 0 }),
    ],
  });
}
