import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { endpoints } from '@tandem/shared/api';
import { startApiHarness, type ApiHarness } from '../support/apiHarness';
import { startApiWorker, type ApiWorker } from '../support/apiWorker';
import { edge, flow, node } from '../support/apiFlows';

const DAY = 86_400_000;
let h: ApiHarness;
let w: ApiWorker;
let flowId: string;
let secondDay: string;

/** API start with a `choice`: "a" ends as won; anything else waits for an event that never comes. */
const abFlow = flow(
  'A/B',
  [
    node('start', 'trigger-api', { fields: [{ name: 'choice', path: 'choice', type: 'string', required: true }] }),
    node('pick', 'condition', { branches: [{ id: 'a', label: 'A', expression: "trigger.choice == 'a'" }], elseLabel: 'Other' }),
    node('won', 'end', { outcome: 'won' }),
    node('hold', 'wait', { mode: 'event', event: 'never.happens', timeout: { amount: 30, unit: 'days' } }),
    node('late', 'end', { outcome: 'late' }),
  ],
  [edge('start', 'next', 'pick'), edge('pick', 'a', 'won'), edge('pick', 'else', 'hold'), edge('hold', 'next', 'won'), edge('hold', 'timeout', 'late')],
);

async function enter(waId: string, choice: string) {
  await h.call(endpoints.startRun, { workspaceId: h.a, flowId }, { key: h.keys.a, body: { contact: { waId }, payload: { choice } } });
}
const analytics = async (query: Record<string, string> = {}) =>
  (await h.call(endpoints.flowAnalytics, { workspaceId: h.a, flowId }, { key: h.keys.aViewer, query })).json;
const funnel = async (query: Record<string, string>) => h.call(endpoints.flowFunnel, { workspaceId: h.a, flowId }, { key: h.keys.aViewer, query });

beforeAll(async () => {
  h = await startApiHarness();
  w = await startApiWorker(h);
  const created = await h.call(endpoints.createFlow, { workspaceId: h.a }, { key: h.keys.a, body: { document: abFlow } });
  flowId = created.json.id;
  await h.call(endpoints.publishFlow, { workspaceId: h.a, flowId }, { key: h.keys.a, body: {} });
  // Day one: three runs (two win, one waits); two days later on the sandbox clock: one more win.
  for (const [waId, choice] of [
    ['4915400000001', 'a'],
    ['4915400000002', 'b'],
    ['4915400000003', 'a'],
  ] as const)
    await enter(waId, choice);
  await w.idle();
  const moved = await h.call(endpoints.advanceClock, { workspaceId: h.a }, { key: h.keys.a, body: { advanceMs: 2 * DAY } });
  secondDay = new Date(Date.parse(moved.json.now) - DAY / 2).toISOString();
  await enter('4915400000004', 'a');
  await w.idle();
});
afterAll(async () => {
  await w?.stop();
  await h?.close();
});

describe('analytics API', () => {
  it('counts per step who entered, who left by which output and who waits there, for the live version', async () => {
    const res = await analytics();
    expect(res).toMatchObject({ flowId, version: 1, from: null, to: null });
    expect(res.runs).toEqual({ started: 4, active: 1, completed: 3, outcomes: { won: 3 } });
    expect(res.nodes).toEqual({
      start: { entered: 4, waiting: 0, ports: { next: 4 } },
      pick: { entered: 4, waiting: 0, ports: { a: 3, else: 1 } },
      won: { entered: 3, waiting: 0, ports: {} },
      hold: { entered: 1, waiting: 1, ports: { next: 0, timeout: 0 } },
      late: { entered: 0, waiting: 0, ports: {} },
    });
  });

  it('filters by the time of the steps, but counts who waits now whenever they arrived', async () => {
    const res = await analytics({ from: secondDay });
    expect(res.from).toBe(secondDay);
    expect(res.runs).toEqual({ started: 1, active: 0, completed: 1, outcomes: { won: 1 } });
    expect(res.nodes.pick).toEqual({ entered: 1, waiting: 0, ports: { a: 1, else: 0 } });
    expect(res.nodes.hold).toEqual({ entered: 0, waiting: 1, ports: { next: 0, timeout: 0 } });
    const before = await analytics({ to: secondDay });
    expect(before.runs).toEqual({ started: 3, active: 1, completed: 2, outcomes: { won: 2 } });
    expect(before.nodes.pick.ports).toEqual({ a: 2, else: 1 });
  });

  it('answers an earlier version on request, else the live one, and none for a flow never published', async () => {
    const draft = structuredClone(abFlow);
    draft.nodes.find((n) => n.id === 'won')!.data = { outcome: 'winner' };
    await h.call(endpoints.saveDraft, { workspaceId: h.a, flowId }, { key: h.keys.a, body: { document: draft } });
    await h.call(endpoints.publishFlow, { workspaceId: h.a, flowId }, { key: h.keys.a, body: {} });
    const live = await analytics();
    expect(live.version).toBe(2);
    expect(live.runs).toEqual({ started: 0, active: 0, completed: 0, outcomes: {} });
    expect(live.nodes.pick).toEqual({ entered: 0, waiting: 0, ports: { a: 0, else: 0 } });
    const v1 = await analytics({ version: '1' });
    expect(v1.runs.started).toBe(4);
    expect((await h.call(endpoints.flowAnalytics, { workspaceId: h.a, flowId }, { key: h.keys.a, query: { version: '9' } })).status).toBe(404);

    const unpublished = await h.call(endpoints.createFlow, { workspaceId: h.a }, { key: h.keys.a, body: { document: abFlow } });
    const none = await h.call(endpoints.flowAnalytics, { workspaceId: h.a, flowId: unpublished.json.id }, { key: h.keys.a });
    expect(none.json).toEqual({
      flowId: unpublished.json.id,
      version: null,
      from: null,
      to: null,
      runs: { started: 0, active: 0, completed: 0, outcomes: {} },
      nodes: {},
      conversions: { count: 0, revenue: {}, credit: { bot: 0, app: 0, agent: 0, none: 0 } },
    });
  });

  it('funnel: of the runs that entered one step, how many reached another later', async () => {
    const res = await funnel({ fromNode: 'start', toNode: 'won', version: '1' });
    expect(res.status).toBe(200);
    expect(res.json).toEqual({ from: 'start', to: 'won', enteredFrom: 4, reachedTo: 3, rate: 0.75 });
    expect((await funnel({ fromNode: 'pick', toNode: 'hold', version: '1', from: secondDay })).json).toEqual({
      from: 'pick',
      to: 'hold',
      enteredFrom: 1,
      reachedTo: 0,
      rate: 0,
    });
    expect((await funnel({ fromNode: 'won', toNode: 'start', version: '1' })).json).toMatchObject({ enteredFrom: 3, reachedTo: 0, rate: 0 });
    expect((await funnel({ fromNode: 'late', toNode: 'won', version: '1' })).json).toMatchObject({ enteredFrom: 0, reachedTo: 0, rate: 0 });
  });

  it('funnel: refuses steps the version does not have', async () => {
    const res = await funnel({ fromNode: 'start', toNode: 'nowhere', version: '1' });
    expect(res.status).toBe(400);
    expect(res.json.error).toMatchObject({ code: 'unknown_step', issues: [{ path: ['toNode'], message: 'No step "nowhere" in version 1' }] });
  });
});
