import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { endpoints } from '@tandem/shared/api';
import { startApiHarness, type ApiHarness } from '../support/apiHarness';
import { edge, flow, node } from '../support/apiFlows';

let h: ApiHarness;
let welcomeId: string;
let promoId: string;

/** API start with a `choice`: "a" wins; anything else waits for an event (30 days), else "late". */
const welcome = flow(
  'Welcome',
  [
    node('start', 'trigger-api', { fields: [{ name: 'choice', path: 'choice', type: 'string', required: true }] }),
    node('pick', 'condition', { title: 'Which branch?', branches: [{ id: 'a', label: 'A', expression: "trigger.choice == 'a'" }], elseLabel: 'Other' }),
    node('won', 'end', { outcome: 'won' }),
    node('hold', 'wait', { mode: 'event', event: 'never.happens', timeout: { amount: 30, unit: 'days' } }),
    node('late', 'end', { outcome: 'late' }),
  ],
  [edge('start', 'next', 'pick'), edge('pick', 'a', 'won'), edge('pick', 'else', 'hold'), edge('hold', 'next', 'won'), edge('hold', 'timeout', 'late')],
);
const promo = flow('Promo', [node('start', 'trigger-api', {}), node('done', 'end', { outcome: 'done' })], [edge('start', 'next', 'done')]);

const period = { from: '2024-03-01T00:00:00Z', to: '2024-03-04T00:00:00Z' };
const at = (day: number, time: string) => `2024-03-${String(day).padStart(2, '0')}T${time}:00Z`;
const TEMPLATE_COST = 0.1365;

async function publish(document: typeof welcome) {
  const created = await h.call(endpoints.createFlow, { workspaceId: h.a }, { key: h.keys.a, body: { document } });
  expect((await h.call(endpoints.publishFlow, { workspaceId: h.a, flowId: created.json.id }, { key: h.keys.a, body: {} })).status).toBe(201);
  const version = await h.db.pool.query<{ id: number }>('SELECT id FROM flow_versions WHERE flow_id = $1', [created.json.id]);
  return { flowId: created.json.id as string, versionId: version.rows[0]!.id };
}

async function insert(table: string, row: Record<string, unknown>): Promise<number> {
  const columns = Object.keys(row);
  const values = columns.map((c) => (typeof row[c] === 'object' && row[c] !== null ? JSON.stringify(row[c]) : row[c]));
  const r = await h.db.pool.query<{ id: number }>(
    `INSERT INTO ${table} (${columns.join(', ')}) VALUES (${columns.map((_, i) => `$${i + 1}`).join(', ')}) RETURNING id`,
    values,
  );
  return r.rows[0]!.id;
}

/**
 * Welcome: two runs in the period (ana's converts for 40 USD after a Business App reply and a
 * handoff; ben's ends untouched) and one before it. Promo: cem's run, converted for 15 EUR after
 * an inbox teammate wrote. Messages: templates to ana (read, answered) and ben (read), a text to
 * ana (delivered), a failed text to ben, a teammate's text to cem, and some outside the period.
 */
async function seed() {
  const w = await publish(welcome);
  const p = await publish(promo);
  welcomeId = w.flowId;
  promoId = p.flowId;
  const contact = (waId: string) => insert('contacts', { workspace_id: h.a, wa_id: waId });
  const [ana, ben, cem] = [await contact('4915500000001'), await contact('4915500000002'), await contact('4915500000003')];
  const run = (flowRef: typeof w, contactId: number, status: string, startedAt: string, endedAt: string | null) =>
    insert('runs', {
      workspace_id: h.a,
      contact_id: contactId,
      flow_id: flowRef.flowId,
      flow_version_id: flowRef.versionId,
      status,
      snapshot: {},
      started_at: startedAt,
      ended_at: endedAt,
    });
  const r0 = await run(w, ana, 'completed', '2024-02-28T10:00:00Z', '2024-02-28T10:05:00Z');
  const r1 = await run(w, ana, 'completed', at(1, '10:00'), at(1, '10:30'));
  const r2 = await run(w, ben, 'completed', at(3, '09:00'), at(3, '09:05'));
  const r3 = await run(p, cem, 'active', at(2, '12:00'), null);

  const steps: [number, string, string][] = [
    [r0, 'start', '2024-02-28T10:00:00Z'],
    [r1, 'start', at(1, '10:00')],
    [r1, 'pick', at(1, '10:00')],
    [r1, 'won', at(1, '10:30')],
    [r2, 'start', at(3, '09:00')],
    [r2, 'pick', at(3, '09:00')],
    [r2, 'hold', at(3, '09:00')],
  ];
  for (const [i, [runId, nodeId, when]] of steps.entries())
    await insert('run_steps', { run_id: runId, flow_version_id: w.versionId, step: i, kind: 'enter', node_id: nodeId, at: when });

  const message = (m: Record<string, unknown>) =>
    insert('messages', { workspace_id: h.a, content: {}, type: 'text', ...m, at: m.at ?? m.sent_at, ...(m.cost ? { cost_currency: 'USD' } : {}) });
  const template = { direction: 'out', type: 'template', cost: TEMPLATE_COST };
  await message({ ...template, contact_id: ana, run_id: r0, status: 'read', sent_at: '2024-02-28T10:00:00Z' });
  await message({ ...template, contact_id: ana, run_id: r1, status: 'read', sent_at: at(1, '10:00') });
  await message({ direction: 'in', contact_id: ana, status: 'received', at: at(1, '10:05') });
  await message({ direction: 'out', contact_id: ana, run_id: r1, status: 'delivered', sent_at: at(1, '10:06') });
  await message({ direction: 'echo', contact_id: ana, status: 'sent', at: at(1, '10:10') });
  await message({ direction: 'out', contact_id: cem, purpose: 'agent', status: 'delivered', sent_at: at(2, '13:00') });
  await message({ ...template, contact_id: ben, run_id: r2, status: 'read', sent_at: at(3, '09:00') });
  await message({ direction: 'out', contact_id: ben, run_id: r2, status: 'failed', at: at(3, '09:01') });
  await message({ direction: 'out', contact_id: ben, run_id: r2, status: 'sent', cost: 0.05, sent_at: '2024-03-04T00:00:00Z' });

  const conversion = (runId: number, flowRef: typeof w, contactId: number, c: Record<string, unknown>) =>
    insert('conversions', {
      workspace_id: h.a,
      flow_id: flowRef.flowId,
      flow_version_id: flowRef.versionId,
      run_id: runId,
      contact_id: contactId,
      goal: 'paid',
      ...c,
    });
  await conversion(r0, w, ana, {
    value: 99,
    currency: 'USD',
    credit: 'bot',
    touches: [{ actor: 'bot', at: '2024-02-28T10:00:00Z' }],
    at: '2024-02-28T10:04:00Z',
  });
  await conversion(r1, w, ana, {
    value: 40,
    currency: 'USD',
    credit: 'app',
    touches: [
      { actor: 'bot', at: at(1, '10:06') },
      { actor: 'app', at: at(1, '10:10') },
    ],
    first_human_response_ms: 600_000,
    at: at(1, '10:20'),
  });
  await conversion(r3, p, cem, { value: 15, currency: 'EUR', credit: 'agent', touches: [{ actor: 'agent', at: at(2, '13:00') }], at: at(2, '14:00') });
  await insert('handoffs', {
    workspace_id: h.a,
    contact_id: ana,
    run_id: r1,
    team: 'sales',
    status: 'released',
    opened_at: at(1, '10:08'),
    taken_at: at(1, '10:09'),
    released_at: at(1, '10:19'),
  });
}

const board = (query: Record<string, string>, key = h.keys.aViewer) => h.call(endpoints.dashboard, { workspaceId: h.a }, { key, query });
const csv = (query: Record<string, string>, key: string | null = h.keys.aViewer) =>
  h.call(endpoints.dashboardCsv, { workspaceId: h.a }, key ? { key, query } : { query });

beforeAll(async () => {
  h = await startApiHarness();
  await seed();
});
afterAll(async () => h?.close());

describe('GET /dashboard for one journey', () => {
  it('answers conversions, revenue, cost, ROI and the message rates of the period', async () => {
    const res = await board({ ...period, flowId: welcomeId });
    expect(res.status).toBe(200);
    const cost = 2 * TEMPLATE_COST;
    expect(res.json).toMatchObject({ from: '2024-03-01T00:00:00.000Z', to: '2024-03-04T00:00:00.000Z', flowId: welcomeId, bucket: 'day', currency: 'USD' });
    const t = res.json.totals;
    expect(t).toMatchObject({ runsStarted: 2, runsCompleted: 2, conversions: 1, conversionRate: 0.5, revenue: 40, otherRevenue: {}, cost });
    expect(t.roi).toBeCloseTo((40 - cost) / cost, 9);
    expect(t.revenuePerRun).toBe(20);
    expect(t.costPerConversion).toBe(cost);
    expect(t.messages).toEqual({ sent: 3, delivered: 3, read: 2, replied: 1, failed: 1 });
    expect(t.readRate).toBeCloseTo(2 / 3, 9);
    expect(t.replyRate).toBeCloseTo(1 / 3, 9);
    expect(t.sessionReopenRate).toBe(0.5);
  });

  it('answers credit, containment, first human response and handle time', async () => {
    const t = (await board({ ...period, flowId: welcomeId })).json.totals;
    expect(t.credit).toEqual({ bot: 0, app: 1, agent: 0, none: 0 });
    expect(t.assistedConversions).toBe(1);
    expect(t.botContainmentRate).toBe(0.5);
    expect(t.firstHumanResponseMs).toBe(600_000);
    expect(t.handoffs).toBe(1);
    expect(t.agentHandleTimeMs).toBe(600_000);
  });

  it('has one point per day, empty days as zeros', async () => {
    const { series } = (await board({ ...period, flowId: welcomeId })).json;
    expect(series).toEqual([
      { at: '2024-03-01T00:00:00.000Z', runsStarted: 1, conversions: 1, revenue: 40, cost: TEMPLATE_COST, sent: 2, read: 1, replied: 1 },
      { at: '2024-03-02T00:00:00.000Z', runsStarted: 0, conversions: 0, revenue: 0, cost: 0, sent: 0, read: 0, replied: 0 },
      { at: '2024-03-03T00:00:00.000Z', runsStarted: 1, conversions: 0, revenue: 0, cost: TEMPLATE_COST, sent: 1, read: 1, replied: 0 },
    ]);
  });

  it('groups by ISO week on request', async () => {
    const { series } = (await board({ ...period, flowId: welcomeId, bucket: 'week' })).json;
    expect(series).toEqual([
      { at: '2024-02-26T00:00:00.000Z', runsStarted: 2, conversions: 1, revenue: 40, cost: 2 * TEMPLATE_COST, sent: 3, read: 2, replied: 1 },
    ]);
  });

  it('lists the steps breadth-first from the trigger with how many runs entered each, and its own line', async () => {
    const res = (await board({ ...period, flowId: welcomeId })).json;
    expect(res.funnel).toEqual([
      { nodeId: 'start', label: 'trigger-api', type: 'trigger-api', entered: 2 },
      { nodeId: 'pick', label: 'Which branch?', type: 'condition', entered: 2 },
      { nodeId: 'won', label: 'end', type: 'end', entered: 1 },
      { nodeId: 'hold', label: 'wait', type: 'wait', entered: 1 },
      { nodeId: 'late', label: 'end', type: 'end', entered: 0 },
    ]);
    expect(res.flows).toEqual([{ flowId: welcomeId, name: 'Welcome', runsStarted: 2, conversions: 1, revenue: 40, cost: 2 * TEMPLATE_COST }]);
  });

  it('counts a goal no version declares over the journeys that converted on it', async () => {
    const { goals } = (await board({ ...period, flowId: welcomeId })).json;
    expect(goals).toEqual([
      {
        goal: 'paid',
        runsStarted: 2,
        conversions: 1,
        rate: 0.5,
        revenue: 40,
        cost: 2 * TEMPLATE_COST,
        costPerConversion: 2 * TEMPLATE_COST,
        credit: { bot: 0, app: 1, agent: 0, none: 0 },
      },
    ]);
  });

  it("lists a journey's draft steps when it was never published, and its own line with zeros", async () => {
    const created = await h.call(endpoints.createFlow, { workspaceId: h.a }, { key: h.keys.a, body: { document: promo } });
    const res = (await board({ ...period, flowId: created.json.id })).json;
    expect(res.funnel).toEqual([
      { nodeId: 'start', label: 'trigger-api', type: 'trigger-api', entered: 0 },
      { nodeId: 'done', label: 'end', type: 'end', entered: 0 },
    ]);
    expect(res.flows).toEqual([{ flowId: created.json.id, name: 'Promo', runsStarted: 0, conversions: 0, revenue: 0, cost: 0 }]);
    expect(res.goals).toEqual([]);
  });

  it("leaves out the simulator's test runs", async () => {
    const test = await insert('flow_versions', { flow_id: welcomeId, workspace_id: h.a, version: -1, document: welcome, test: true });
    const contactId = await insert('contacts', { workspace_id: h.a, wa_id: '4915500000009' });
    await insert('runs', {
      workspace_id: h.a,
      contact_id: contactId,
      flow_id: welcomeId,
      flow_version_id: test,
      status: 'completed',
      snapshot: {},
      started_at: at(2, '08:00'),
      ended_at: at(2, '08:01'),
    });
    expect((await board({ ...period, flowId: welcomeId })).json.totals).toMatchObject({ runsStarted: 2, botContainmentRate: 0.5 });
  });

  it('answers 404 for a journey it does not know', async () => {
    const res = await board({ ...period, flowId: 'flow_nope' });
    expect(res.status).toBe(404);
    expect(res.json.error.code).toBe('not_found');
  });
});

describe('GET /dashboard for the workspace', () => {
  it('counts every journey and outbound message, other currencies apart, one line per journey', async () => {
    const res = (await board(period)).json;
    expect(res.flowId).toBeNull();
    expect(res.funnel).toEqual([]);
    expect(res.totals).toMatchObject({ runsStarted: 3, conversions: 2, revenue: 40, otherRevenue: { EUR: 15 }, credit: { bot: 0, app: 1, agent: 1, none: 0 } });
    expect(res.totals.messages).toEqual({ sent: 4, delivered: 4, read: 2, replied: 1, failed: 1 });
    // Ben's run alone had nobody: ana had the App and a handoff, cem an inbox teammate.
    expect(res.totals.botContainmentRate).toBeCloseTo(1 / 3, 9);
    expect(res.series[1]).toMatchObject({ at: '2024-03-02T00:00:00.000Z', runsStarted: 1, conversions: 1, revenue: 0, sent: 1 });
    expect(res.flows).toEqual([
      { flowId: welcomeId, name: 'Welcome', runsStarted: 2, conversions: 1, revenue: 40, cost: 2 * TEMPLATE_COST },
      { flowId: promoId, name: 'Promo', runsStarted: 1, conversions: 1, revenue: 0, cost: 0 },
    ]);
    // "paid" over both journeys' runs; the teammate's message to cem belongs to no run.
    expect(res.goals).toEqual([
      {
        goal: 'paid',
        runsStarted: 3,
        conversions: 2,
        rate: 2 / 3,
        revenue: 40,
        cost: 2 * TEMPLATE_COST,
        costPerConversion: TEMPLATE_COST,
        credit: { bot: 0, app: 1, agent: 1, none: 0 },
      },
    ]);
  });

  it('answers zeros and nulls for a period with nothing', async () => {
    const res = (await board({ from: '2023-01-01T00:00:00Z', to: '2023-01-02T00:00:00Z' })).json;
    expect(res.totals).toMatchObject({ runsStarted: 0, conversionRate: null, roi: null, readRate: null, replyRate: null, botContainmentRate: null });
    expect(res.series).toHaveLength(1);
    expect(res.flows).toEqual([]);
    expect(res.goals).toEqual([]);
  });

  it('refuses a period that ends before it starts, or bad dates, with 400', async () => {
    const backwards = await board({ from: period.to, to: period.from });
    expect(backwards.status).toBe(400);
    expect(backwards.json.error).toMatchObject({ code: 'invalid_input', issues: [{ path: ['from'], message: 'from must be before to' }] });
    expect((await board({ from: period.from, to: period.from })).status).toBe(400);
    expect((await board({ from: 'yesterday', to: period.to })).status).toBe(400);
    expect((await board({ to: period.to })).status).toBe(400);
  });

  it('answers 401 without a key', async () => {
    expect((await h.call(endpoints.dashboard, { workspaceId: h.a }, { query: period })).status).toBe(401);
  });
});

describe('GET /dashboard.csv', () => {
  it('answers one row per day and a total row, as an attachment', async () => {
    const res = await csv({ ...period, flowId: welcomeId });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(res.headers.get('content-disposition')).toBe('attachment; filename="tandem-dashboard-2024-03-01-2024-03-04.csv"');
    expect(res.text.split('\r\n')).toEqual([
      'at,runs_started,conversions,revenue,cost,sent,read,replied',
      `2024-03-01T00:00:00.000Z,1,1,40,${TEMPLATE_COST},2,1,1`,
      '2024-03-02T00:00:00.000Z,0,0,0,0,0,0,0',
      `2024-03-03T00:00:00.000Z,1,0,0,${TEMPLATE_COST},1,1,0`,
      `total,2,1,40,${2 * TEMPLATE_COST},3,2,1`,
      `goal:paid,2,1,40,${2 * TEMPLATE_COST},,,`,
      '',
    ]);
  });

  it('checks the query, the key and the workspace like the JSON endpoint', async () => {
    const bad = await csv({ from: period.to, to: period.from });
    expect(bad.status).toBe(400);
    expect(bad.json.error.code).toBe('invalid_input');
    expect((await csv({ from: 'nope', to: period.to })).status).toBe(400);
    expect((await csv(period, null)).status).toBe(401);
    expect((await csv({ ...period, flowId: 'flow_nope' })).status).toBe(404);
    expect((await h.request('GET', `/api/workspaces/${h.b}/dashboard.csv?${new URLSearchParams(period)}`, { key: h.keys.a })).status).toBe(404);
  });
});

/**
 * April: "Leads" aims at "Qualified lead" and "Purchase" (4 runs in the period, one before it);
 * "Cart" at "Purchase" and "Recovered" (2 runs). Every run's message costs 0.25. Leads: two
 * qualified leads (the bot's), one purchase of 120 (after the Business App); Cart: purchases of 30
 * (an inbox teammate's) and 20 (the bot's), nothing recovered.
 */
describe('GET /dashboard per goal', () => {
  const april = { from: '2024-04-01T00:00:00Z', to: '2024-04-04T00:00:00Z' };
  const MESSAGE_COST = 0.25;
  let leadsId: string;
  const goalFlow = (name: string, goals: Record<string, unknown>[]) =>
    flow(name, [node('start', 'trigger-api', {}), node('done', 'end', { outcome: 'done' })], [edge('start', 'next', 'done')], { reentry: 'always', goals });
  const purchase = { name: 'Purchase', kind: 'event', event: 'order.paid', value: 'payload.total', currency: 'payload.currency' };

  beforeAll(async () => {
    const leads = await publish(goalFlow('Leads', [{ name: 'Qualified lead', kind: 'contact', condition: '"lead" in contact.tags' }, purchase]));
    const cart = await publish(goalFlow('Cart', [purchase, { name: 'Recovered', kind: 'event', event: 'cart.recovered' }]));
    leadsId = leads.flowId;
    let n = 0;
    const runOf = async (flowRef: typeof leads, startedAt: string) => {
      const contactId = await insert('contacts', { workspace_id: h.a, wa_id: `49155000001${n++}` });
      const runId = await insert('runs', {
        workspace_id: h.a,
        contact_id: contactId,
        flow_id: flowRef.flowId,
        flow_version_id: flowRef.versionId,
        status: 'active',
        snapshot: {},
        started_at: startedAt,
      });
      await insert('messages', {
        workspace_id: h.a,
        contact_id: contactId,
        run_id: runId,
        direction: 'out',
        type: 'template',
        content: {},
        status: 'delivered',
        cost: MESSAGE_COST,
        cost_currency: 'USD',
        sent_at: startedAt,
        at: startedAt,
      });
      const convert = (goal: string, credit: string, value?: number) =>
        insert('conversions', {
          workspace_id: h.a,
          flow_id: flowRef.flowId,
          flow_version_id: flowRef.versionId,
          run_id: runId,
          contact_id: contactId,
          goal,
          credit,
          ...(value === undefined ? {} : { value, currency: 'USD' }),
          at: startedAt,
        });
      return convert;
    };
    await runOf(leads, '2024-03-31T12:00:00Z');
    const l1 = await runOf(leads, '2024-04-01T10:00:00Z');
    await l1('Qualified lead', 'bot');
    await l1('Purchase', 'app', 120);
    await (await runOf(leads, '2024-04-02T10:00:00Z'))('Qualified lead', 'bot');
    await runOf(leads, '2024-04-02T11:00:00Z');
    await runOf(leads, '2024-04-03T10:00:00Z');
    await (await runOf(cart, '2024-04-01T12:00:00Z'))('Purchase', 'agent', 30);
    await (await runOf(cart, '2024-04-03T12:00:00Z'))('Purchase', 'bot', 20);
  });

  it("answers each of a journey's goals with its rate, revenue and cost per conversion, most conversions first", async () => {
    const res = (await board({ ...april, flowId: leadsId })).json;
    expect(res.totals).toMatchObject({ runsStarted: 4, conversions: 3, cost: 4 * MESSAGE_COST });
    expect(res.goals).toEqual([
      {
        goal: 'Qualified lead',
        runsStarted: 4,
        conversions: 2,
        rate: 0.5,
        revenue: 0,
        cost: 1,
        costPerConversion: 0.5,
        credit: { bot: 2, app: 0, agent: 0, none: 0 },
      },
      {
        goal: 'Purchase',
        runsStarted: 4,
        conversions: 1,
        rate: 0.25,
        revenue: 120,
        cost: 1,
        costPerConversion: 1,
        credit: { bot: 0, app: 1, agent: 0, none: 0 },
      },
    ]);
  });

  it('groups a goal name across journeys for the workspace, and lists a goal that ran without converting', async () => {
    const { goals } = (await board(april)).json;
    expect(goals).toEqual([
      {
        goal: 'Purchase',
        runsStarted: 6,
        conversions: 3,
        rate: 0.5,
        revenue: 170,
        cost: 1.5,
        costPerConversion: 0.5,
        credit: { bot: 1, app: 1, agent: 1, none: 0 },
      },
      {
        goal: 'Qualified lead',
        runsStarted: 4,
        conversions: 2,
        rate: 0.5,
        revenue: 0,
        cost: 1,
        costPerConversion: 0.5,
        credit: { bot: 2, app: 0, agent: 0, none: 0 },
      },
      {
        goal: 'Recovered',
        runsStarted: 2,
        conversions: 0,
        rate: 0,
        revenue: 0,
        cost: 0.5,
        costPerConversion: null,
        credit: { bot: 0, app: 0, agent: 0, none: 0 },
      },
    ]);
  });

  it('appends one row per goal to the CSV', async () => {
    const rows = (await csv(april)).text.split('\r\n');
    expect(rows.slice(-4)).toEqual(['goal:Purchase,6,3,170,1.5,,,', 'goal:Qualified lead,4,2,0,1,,,', 'goal:Recovered,2,0,0,0.5,,,', '']);
  });
});
