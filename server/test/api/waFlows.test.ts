import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { endpoints } from '@tandem/shared/api';
import { startCloudApiStandIn, type CloudApiStandIn, type StandInFlow } from '@tandem/engine/whatsapp/stand-in';
import { startApiHarness, ADMIN_KEY, type ApiHarness } from '../support/apiHarness';
import { readEnv } from '../../src/config/env';
import { createApp } from '../../src/http/app';
import { createWorkspace } from '../../src/services/workspaces';
import { validationContext } from '../../src/services/flowContext';

const WABA = '102290129340398';
const TOKEN = 'EAAGwaba-token-for-flows-456';
const ref = (path: string) => `\${${path}}`;
let h: ApiHarness;
let standIn: CloudApiStandIn;
let cloud: string;
let app: ReturnType<typeof createApp>;
const logs: string[] = [];

/** Flows as Meta lists them (Flow facts §4), with their Flow JSON; filler makes a second page. */
const metaFlows: StandInFlow[] = [
  {
    id: '1197715005513101',
    name: 'delivery_feedback',
    status: 'PUBLISHED',
    categories: ['SURVEY'],
    flowJson: {
      version: '6.0',
      screens: [
        {
          id: 'RATE',
          title: 'How did we do?',
          terminal: true,
          data: {},
          layout: {
            type: 'SingleColumnLayout',
            children: [
              {
                type: 'RadioButtonsGroup',
                name: 'rating',
                label: 'Your rating',
                required: true,
                'data-source': [
                  { id: 'good', title: 'Good' },
                  { id: 'bad', title: 'Bad' },
                ],
              },
              { type: 'CheckboxGroup', name: 'issues', label: 'What went wrong?', 'data-source': [{ id: 'late', title: 'Late' }] },
              { type: 'TextInput', name: 'callback', label: 'Call me back on', 'input-type': 'phone' },
              {
                type: 'Footer',
                label: 'Send',
                'on-click-action': { name: 'complete', payload: { rating: ref('form.rating'), issues: ref('form.issues'), phone: ref('form.callback') } },
              },
            ],
          },
        },
      ],
    },
  },
  { id: '1197715005513102', name: 'broken_json', status: 'DRAFT', categories: ['OTHER'], flowJson: [] as unknown as Record<string, unknown> },
  ...Array.from({ length: 99 }, (_, i) => ({ id: String(3_000_000_000 + i), name: `filler_${i}`, flowJson: { version: '6.0', screens: [] } })),
];

async function sync(workspaceId = cloud, key = ADMIN_KEY) {
  const res = await app.request(endpoints.syncWaFlows.path.replace('{workspaceId}', workspaceId), {
    method: 'POST',
    headers: { authorization: `Bearer ${key}` },
  });
  return { status: res.status, json: (await res.json()) as any };
}
const waFlowsOf = async (workspaceId: string) =>
  (await h.call(endpoints.listWaFlows, { workspaceId }, { key: ADMIN_KEY })).json.waFlows as Record<string, any>[];

beforeAll(async () => {
  h = await startApiHarness();
  standIn = await startCloudApiStandIn({ tokens: { '106540352242922': TOKEN }, flows: { [WABA]: metaFlows } });
  const env = readEnv({ DATABASE_URL: h.db.url, TANDEM_ADMIN_KEY: ADMIN_KEY, WHATSAPP_API_BASE_URL: standIn.url, LOG_LEVEL: 'silent' });
  app = createApp({
    database: h.db,
    secrets: h.secrets,
    env,
    logger: pino({ level: 'info' }, { write: (line: string) => logs.push(line) }),
    ready: async () => true,
  });
  cloud = await createWorkspace(h.db.db, h.secrets, {
    name: 'Lucky Shrub',
    transport: 'cloud',
    phoneNumberId: '106540352242922',
    wabaId: WABA,
    accessToken: TOKEN,
  });
});
afterAll(async () => {
  await standIn?.close();
  await h?.close();
});

describe('WhatsApp Flows API', () => {
  it('gives a sandbox workspace the example Flows, with the fields a person fills in', async () => {
    const res = await h.call(endpoints.listWaFlows, { workspaceId: h.a }, { key: h.keys.aViewer });
    expect(res.status).toBe(200);
    expect(res.json.waFlows.map((f: Record<string, unknown>) => [f.name, f.source, f.status])).toEqual([
      ['appointment_booking', 'sandbox', 'PUBLISHED'],
      ['lead_signup', 'sandbox', 'PUBLISHED'],
    ]);
    expect(res.json.waFlows[1]).toEqual({
      id: '2814653498770231',
      name: 'lead_signup',
      status: 'PUBLISHED',
      categories: ['LEAD_GENERATION'],
      source: 'sandbox',
      updatedAt: expect.any(String),
      screens: [
        {
          id: 'LEAD_FORM',
          title: 'Stay in touch',
          fields: [
            { name: 'name', label: 'Your name', type: 'text', required: true, options: [] },
            { name: 'email', label: 'Email', type: 'email', required: true, options: [] },
            {
              name: 'interest',
              label: 'What are you interested in?',
              type: 'choice',
              required: true,
              options: [
                { id: 'indoor_plants', title: 'Indoor plants' },
                { id: 'garden_tools', title: 'Garden tools' },
                { id: 'workshops', title: 'Workshops' },
              ],
            },
            { name: 'marketing_opt_in', label: 'Send me offers on WhatsApp', type: 'boolean', required: false, options: [] },
          ],
        },
      ],
    });
    expect(res.json.waFlows[0].screens.map((s: { id: string; fields: { name: string; type: string }[] }) => [s.id, s.fields.map((f) => f.type)])).toEqual([
      ['PICK_SLOT', ['date', 'choice']],
      ['NOTES', ['text']],
    ]);
  });

  it("syncs every page of the account's Flows and reads each Flow's fields from its Flow JSON", async () => {
    const res = await sync();
    expect(res.status).toBe(200);
    expect(res.json).toEqual({ synced: 101, unreadable: ['broken_json'] });
    expect(standIn.received().filter((r) => r.path === `/v24.0/${WABA}/flows`)).toHaveLength(2);
    const list = await waFlowsOf(cloud);
    expect(list).toHaveLength(101);
    expect(list.every((f) => f.source === 'meta')).toBe(true);
    expect(list.find((f) => f.name === 'delivery_feedback')).toEqual({
      id: '1197715005513101',
      name: 'delivery_feedback',
      status: 'PUBLISHED',
      categories: ['SURVEY'],
      source: 'meta',
      updatedAt: expect.any(String),
      screens: [
        {
          id: 'RATE',
          title: 'How did we do?',
          fields: [
            {
              name: 'rating',
              label: 'Your rating',
              type: 'choice',
              required: true,
              options: [
                { id: 'good', title: 'Good' },
                { id: 'bad', title: 'Bad' },
              ],
            },
            { name: 'issues', label: 'What went wrong?', type: 'multi_choice', required: false, options: [{ id: 'late', title: 'Late' }] },
            { name: 'phone', label: 'Call me back on', type: 'phone', required: false, options: [] },
          ],
        },
      ],
    });
    expect(list.find((f) => f.name === 'broken_json')).toMatchObject({ status: 'DRAFT', screens: [] });
  });

  it('marks Flows Meta no longer lists as deleted on the next sync', async () => {
    standIn.setFlows(
      WABA,
      metaFlows.filter((f) => f.name !== 'delivery_feedback'),
    );
    expect((await sync()).json).toEqual({ synced: 100, unreadable: ['broken_json'] });
    const list = await waFlowsOf(cloud);
    expect(list.find((f) => f.name === 'delivery_feedback')).toMatchObject({ status: 'DELETED', screens: [{ id: 'RATE' }] });
    expect(list.find((f) => f.name === 'filler_0')).toMatchObject({ status: 'PUBLISHED' });
    standIn.setFlows(WABA, metaFlows);
  });

  it('gives the checker the workspace’s Flows, and an empty list when it has none', async () => {
    expect((await validationContext(h.db.db, cloud)).waFlows?.find((f) => f.name === 'delivery_feedback')?.screens[0]?.fields).toHaveLength(3);
    const bare = await createWorkspace(h.db.db, h.secrets, { name: 'No Flows yet', transport: 'cloud', wabaId: '555', accessToken: TOKEN });
    expect((await validationContext(h.db.db, bare)).waFlows).toEqual([]);
  });

  it("answers 502 with Meta's reason when Meta refuses, never the token", async () => {
    const other = await createWorkspace(h.db.db, h.secrets, { name: 'Wrong token', transport: 'cloud', wabaId: WABA, accessToken: 'EAAGwrong-token-xyz-987' });
    const res = await sync(other);
    expect(res.status).toBe(502);
    expect(res.json.error).toEqual({
      code: 'provider_rejected',
      message: 'WhatsApp refused to list the WhatsApp Flows: Invalid OAuth access token - Cannot parse access token',
    });
    const unknownWaba = await createWorkspace(h.db.db, h.secrets, { name: 'Unknown WABA', transport: 'cloud', wabaId: '999999999', accessToken: TOKEN });
    const unknown = await sync(unknownWaba);
    expect(unknown.status).toBe(502);
    expect(unknown.json.error.message).toContain("Object with ID '999999999' does not exist");
    expect(JSON.stringify([res.json, unknown.json, logs])).not.toContain('wrong-token');
    expect(JSON.stringify([unknown.json, logs])).not.toContain(TOKEN);
  });

  it('needs the account id and token of a real number, and gives a sandbox its example Flows back', async () => {
    const bare = await createWorkspace(h.db.db, h.secrets, { name: 'No WABA', transport: 'cloud', accessToken: TOKEN });
    const missing = await sync(bare);
    expect(missing.status).toBe(422);
    expect(missing.json.error).toEqual({ code: 'not_connected', message: 'Set the WhatsApp Business Account id and the access token first' });
    const sandbox = await h.call(endpoints.syncWaFlows, { workspaceId: h.a }, { key: h.keys.a });
    expect(sandbox.json).toEqual({ synced: 2, unreadable: [] });
    expect((await waFlowsOf(h.a)).map((f) => f.name)).toEqual(['appointment_booking', 'lead_signup']);
  });

  it('answers 404 for another workspace and 403 when a viewer syncs, like templates', async () => {
    expect((await h.call(endpoints.listWaFlows, { workspaceId: h.b }, { key: h.keys.a })).status).toBe(404);
    const viewer = await h.call(endpoints.syncWaFlows, { workspaceId: h.a }, { key: h.keys.aViewer });
    expect(viewer.status).toBe(403);
    expect(viewer.json.error.code).toBe('forbidden');
  });
});
