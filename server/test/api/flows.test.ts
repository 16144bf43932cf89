import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { endpoints } from '@tandem/shared/api';
import { ADMIN_KEY, startApiHarness, type ApiHarness } from '../support/apiHarness';

const example = (name: string) =>
  JSON.parse(readFileSync(join(import.meta.dirname, '..', '..', '..', 'engine', 'examples', `${name}.json`), 'utf8')) as Record<string, unknown>;
let h: ApiHarness;
beforeAll(async () => {
  h = await startApiHarness();
});
afterAll(async () => h?.close());

async function newFlow(name = 'abandoned-cart') {
  const res = await h.call(endpoints.createFlow, { workspaceId: h.a }, { key: h.keys.a, body: { document: example(name) } });
  expect(res.status).toBe(201);
  return res.json as { id: string; name: string; draft: Record<string, unknown> };
}

describe('flows API', () => {
  it('creates, lists (with search), reads and saves drafts', async () => {
    const flow = await newFlow();
    expect(flow).toMatchObject({ name: 'Abandoned cart recovery', liveVersion: null, versionCount: 0, versions: [] });
    expect(flow.draft.id).toBe(flow.id);
    const empty = await h.call(endpoints.createFlow, { workspaceId: h.a }, { key: h.keys.a, body: { name: 'Welcome series' } });
    expect(empty.json.draft).toMatchObject({ name: 'Welcome series', nodes: [], edges: [] });

    const list = await h.call(endpoints.listFlows, { workspaceId: h.a }, { key: h.keys.a, query: { search: 'cart' } });
    expect(list.status).toBe(200);
    expect(list.json.flows.map((f: { name: string }) => f.name)).toEqual(['Abandoned cart recovery']);

    const renamed = { ...flow.draft, name: 'Cart rescue' };
    const saved = await h.call(endpoints.saveDraft, { workspaceId: h.a, flowId: flow.id }, { key: h.keys.a, body: { document: renamed } });
    expect(saved.status).toBe(200);
    expect(saved.json.name).toBe('Cart rescue');
    const read = await h.call(endpoints.getFlow, { workspaceId: h.a, flowId: flow.id }, { key: h.keys.aViewer });
    expect(read.json.draft.name).toBe('Cart rescue');
  });

  it('refuses to save something that is not a flow, and keeps the previous draft', async () => {
    const flow = await newFlow();
    const bad = await h.call(endpoints.saveDraft, { workspaceId: h.a, flowId: flow.id }, { key: h.keys.a, body: { document: { hello: 'world' } } });
    expect(bad.status).toBe(400);
    expect(bad.json.error).toMatchObject({
      code: 'not_a_flow',
      issues: [{ code: 'not-a-flow', message: 'This is not a Tandem flow: it has no "nodes" or "edges" list.' }],
    });
    const read = await h.call(endpoints.getFlow, { workspaceId: h.a, flowId: flow.id }, { key: h.keys.a });
    expect(read.json.draft.name).toBe('Abandoned cart recovery');
  });

  it("validates against the workspace's templates", async () => {
    const flow = await newFlow('order-updates');
    const res = await h.call(endpoints.validateFlow, { workspaceId: h.a, flowId: flow.id }, { key: h.keys.aViewer, body: {} });
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({ ok: true, diagnostics: [] });
    const renamed = structuredClone(flow.draft) as { nodes: { id: string; data: { template?: { name: string } } }[] };
    renamed.nodes.find((n) => n.id === 'delivered')!.data.template!.name = 'order_delivered_v2';
    const checked = await h.call(endpoints.validateFlow, { workspaceId: h.a, flowId: flow.id }, { key: h.keys.a, body: { document: renamed } });
    expect(checked.json.diagnostics.map((d: { code: string; nodeId: string }) => `${d.code}@${d.nodeId}`)).toEqual(['unknown-template@delivered']);
  });

  it('publishes versions, lists them with what changed, and rolls back', async () => {
    const flow = await newFlow();
    const v1 = await h.call(endpoints.publishFlow, { workspaceId: h.a, flowId: flow.id }, { key: h.keys.a, body: { note: 'first' } });
    expect(v1.status).toBe(201);
    expect(v1.json).toMatchObject({ version: 1, note: 'first', live: true, diagnostics: [] });
    const doc = structuredClone(flow.draft) as { nodes: { id: string; data: Record<string, unknown> }[]; edges: unknown[] };
    doc.nodes.find((n) => n.id === 'wait_1h')!.data.duration = { amount: 2, unit: 'hours' };
    await h.call(endpoints.saveDraft, { workspaceId: h.a, flowId: flow.id }, { key: h.keys.a, body: { document: doc } });
    await h.call(endpoints.publishFlow, { workspaceId: h.a, flowId: flow.id }, { key: h.keys.a, body: { note: 'slower' } });

    const versions = await h.call(endpoints.listVersions, { workspaceId: h.a, flowId: flow.id }, { key: h.keys.aViewer });
    expect(versions.json.versions).toMatchObject([
      {
        version: 2,
        note: 'slower',
        live: true,
        diff: { added: [], removed: [], changed: ['wait_1h'], connectionsAdded: 0, connectionsRemoved: 0, settingsChanged: false },
      },
      { version: 1, note: 'first', live: false, diff: null },
    ]);
    const old = await h.call(endpoints.getVersion, { workspaceId: h.a, flowId: flow.id, version: 1 }, { key: h.keys.aViewer });
    expect((old.json.document.nodes as { id: string; data: { duration?: unknown } }[]).find((n) => n.id === 'wait_1h')!.data.duration).toEqual({
      amount: 1,
      unit: 'hours',
    });

    const back = await h.call(endpoints.rollbackFlow, { workspaceId: h.a, flowId: flow.id }, { key: h.keys.a, body: { version: 1 } });
    expect(back.json).toMatchObject({ version: 1, live: true });
    const detail = await h.call(endpoints.getFlow, { workspaceId: h.a, flowId: flow.id }, { key: h.keys.a });
    expect(detail.json.liveVersion).toBe(1);
    const log = await h.call(endpoints.auditLog, { workspaceId: h.a }, { key: h.keys.aAdmin });
    expect(log.json.entries.slice(0, 3).map((e: { action: string }) => e.action)).toEqual(['flow.rollback', 'flow.publish', 'flow.publish']);
  });

  it('refuses to publish a flow with errors, with the problems per step', async () => {
    const doc = example('abandoned-cart') as { nodes: { id: string; data: Record<string, unknown> }[] };
    doc.nodes.find((n) => n.id === 'reminder')!.data.optOutButton = 7;
    const flow = await h.call(endpoints.createFlow, { workspaceId: h.a }, { key: h.keys.a, body: { document: doc } });
    const res = await h.call(endpoints.publishFlow, { workspaceId: h.a, flowId: flow.json.id }, { key: h.keys.a, body: {} });
    expect(res.status).toBe(422);
    expect(res.json.error).toMatchObject({ code: 'flow_invalid', message: 'The flow has errors and cannot be published' });
    expect(res.json.error.issues).toEqual([
      {
        path: ['nodes', 'reminder', 'optOutButton'],
        code: 'invalid-config',
        message: 'Opt-out button: The opt-out button must be one of the quick-reply buttons below',
      },
    ]);
  });

  it('duplicates, exports, imports and archives', async () => {
    const flow = await newFlow();
    const copy = await h.call(endpoints.duplicateFlow, { workspaceId: h.a, flowId: flow.id }, { key: h.keys.a, body: {} });
    expect(copy.status).toBe(201);
    expect(copy.json.name).toBe('Abandoned cart recovery (copy)');
    const exported = await h.call(endpoints.exportFlow, { workspaceId: h.a, flowId: flow.id }, { key: h.keys.aViewer });
    expect(exported.headers.get('content-disposition')).toBe('attachment; filename="abandoned-cart-recovery.json"');
    expect(exported.json.nodes).toHaveLength(9);
    const imported = await h.call(endpoints.importFlow, { workspaceId: h.a }, { key: h.keys.a, body: { document: exported.json } });
    expect(imported.status).toBe(201);
    expect(imported.json.id).not.toBe(flow.id);
    const notFlow = await h.call(endpoints.importFlow, { workspaceId: h.a }, { key: h.keys.a, body: { document: { nodes: 'x' } } });
    expect(notFlow.status).toBe(400);
    const gone = await h.call(endpoints.deleteFlow, { workspaceId: h.a, flowId: copy.json.id }, { key: h.keys.a });
    expect(gone.json).toEqual({ ok: true });
    expect((await h.call(endpoints.getFlow, { workspaceId: h.a, flowId: copy.json.id }, { key: h.keys.a })).status).toBe(404);
  });

  it('clones into another workspace with template and attribute mapping, and shows what is missing first', async () => {
    const flow = await newFlow('ctwa-lead-qualification');
    const agency = await h.login('agency');
    const headers = { 'x-csrf-token': agency.csrf };
    const preview = await h.call(
      endpoints.clonePreview,
      { workspaceId: h.a, flowId: flow.id },
      { cookie: agency.cookie, headers, body: { targetWorkspaceId: h.b } },
    );
    expect(preview.status).toBe(200);
    expect(preview.json.attributes).toEqual(
      expect.arrayContaining([
        { name: 'budget', existsInTarget: false },
        { name: 'profile_name', existsInTarget: true },
      ]),
    );
    const cloned = await h.call(
      endpoints.cloneFlow,
      { workspaceId: h.a, flowId: flow.id },
      {
        cookie: agency.cookie,
        headers,
        body: { targetWorkspaceId: h.b, name: 'Leads (brand B)', attributes: { budget: 'budget_usd' } },
      },
    );
    expect(cloned.status).toBe(201);
    expect(cloned.json.flow.name).toBe('Leads (brand B)');
    const nodes = cloned.json.flow.draft.nodes as { id: string; data: Record<string, any> }[];
    expect(nodes.find((n) => n.id === 'budget')!.data.saveTo).toEqual({ scope: 'contact', name: 'budget_usd' });
    expect(nodes.find((n) => n.id === 'high_value')!.data.branches[0].expression).toBe('contact.budget_usd >= 500000');
    expect(cloned.json.validation.ok).toBe(true);
    const inB = await h.call(endpoints.listFlows, { workspaceId: h.b }, { key: h.keys.b });
    expect(inB.json.flows.map((f: { name: string }) => f.name)).toEqual(['Leads (brand B)']);
  });

  it('clones with the WhatsApp number mapped: mentions of the source number, however written, become the target number', async () => {
    for (const [workspaceId, displayPhoneNumber] of [
      [h.a, '+1 555-078-3881'],
      [h.b, '4915100000000'],
    ] as const) {
      expect((await h.call(endpoints.updateWorkspace, { workspaceId }, { key: ADMIN_KEY, body: { displayPhoneNumber } })).status).toBe(200);
    }
    const document = {
      schemaVersion: 1,
      name: 'Contact us',
      nodes: [
        { id: 'hi', type: 'trigger-message', position: { x: 0, y: 0 }, data: { match: 'keywords', keywords: ['contact'] } },
        {
          id: 'info',
          type: 'send-message',
          position: { x: 0, y: 0 },
          data: { message: { kind: 'text', text: 'Call +1 (555) 078-3881 or chat at https://wa.me/15550783881. Order line: 15550783882.' } },
        },
      ],
      edges: [{ id: 'e1', source: 'hi', sourceHandle: 'next', target: 'info' }],
    };
    const flow = (await h.call(endpoints.createFlow, { workspaceId: h.a }, { key: ADMIN_KEY, body: { document } })).json as { id: string };
    const preview = await h.call(endpoints.clonePreview, { workspaceId: h.a, flowId: flow.id }, { key: ADMIN_KEY, body: { targetWorkspaceId: h.b } });
    expect(preview.json.number).toEqual({ source: '15550783881', target: '4915100000000', mentions: 2 });
    const cloned = await h.call(
      endpoints.cloneFlow,
      { workspaceId: h.a, flowId: flow.id },
      {
        key: ADMIN_KEY,
        body: { targetWorkspaceId: h.b, number: { from: '15550783881', to: '4915100000000' } },
      },
    );
    expect(cloned.status).toBe(201);
    const info = (cloned.json.flow.draft.nodes as { id: string; data: { message: { text: string } } }[]).find((n) => n.id === 'info')!;
    expect(info.data.message.text).toBe('Call +4915100000000 or chat at https://wa.me/4915100000000. Order line: 15550783882.');
    const bad = await h.call(
      endpoints.cloneFlow,
      { workspaceId: h.a, flowId: flow.id },
      { key: ADMIN_KEY, body: { targetWorkspaceId: h.b, number: { from: '+1 555', to: 'x' } } },
    );
    expect(bad.status).toBe(400);
    expect(bad.json.error.issues.map((i: { path: string[] }) => i.path.join('.'))).toEqual(['number.from', 'number.to']);
  });

  it('refuses a clone into a workspace the caller cannot edit, without revealing it', async () => {
    const flow = await newFlow();
    const res = await h.call(endpoints.cloneFlow, { workspaceId: h.a, flowId: flow.id }, { key: h.keys.a, body: { targetWorkspaceId: h.b } });
    expect(res.status).toBe(404);
    expect(res.json.error.message).toBe('Target workspace not found');
  });
});
