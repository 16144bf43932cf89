import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { endpoints } from '@tandem/shared/api';
import { startCloudApiStandIn, type CloudApiStandIn } from '@tandem/engine/whatsapp/stand-in';
import { startApiHarness, ADMIN_KEY, type ApiHarness } from '../support/apiHarness';
import { readEnv } from '../../src/config/env';
import { createApp } from '../../src/http/app';
import { createWorkspace } from '../../src/services/workspaces';

const example = (name: string) =>
  JSON.parse(readFileSync(join(import.meta.dirname, '..', '..', '..', 'engine', 'examples', `${name}.json`), 'utf8')) as Record<string, unknown>;
const WABA = '102290129340398';
const TOKEN = 'EAAGwaba-token-for-templates-123';
let h: ApiHarness;
let standIn: CloudApiStandIn;
let cloud: string;
let app: ReturnType<typeof createApp>;
const logs: string[] = [];

/** Templates as Meta lists them (facts §7), plus filler to need a second page. */
const metaTemplates = [
  {
    name: 'order_update_named',
    language: 'en_US',
    status: 'APPROVED',
    category: 'UTILITY',
    parameter_format: 'NAMED',
    components: [
      {
        type: 'HEADER',
        format: 'TEXT',
        text: '{{order_type}} Update',
        example: { header_text_named_params: [{ param_name: 'order_type', example: 'Order' }] },
      },
      { type: 'BODY', text: 'Good news! Your order #{{order_id}} is on its way. Thank you, {{customer_name}}!' },
      { type: 'FOOTER', text: 'Lucky Shrub' },
      {
        type: 'BUTTONS',
        buttons: [
          { type: 'URL', text: 'Track', url: 'https://shop.example.com/track/{{1}}' },
          { type: 'QUICK_REPLY', text: 'Stop updates' },
        ],
      },
    ],
  },
  {
    name: 'summer_sale',
    language: 'de',
    status: 'PAUSED',
    category: 'MARKETING',
    quality_score: { score: 'RED', date: 1_765_000_000 },
    components: [
      { type: 'HEADER', format: 'IMAGE' },
      { type: 'BODY', text: 'Hallo {{2}}, {{1}} % Rabatt!' },
      {
        type: 'BUTTONS',
        buttons: [
          { type: 'URL', text: 'Shop', url: 'https://shop.example.com/' },
          { type: 'COPY_CODE', example: 'SUMMER' },
          { type: 'PHONE_NUMBER', text: 'Call', phone_number: '+4930123' },
        ],
      },
    ],
  },
  {
    name: 'spring_offer',
    language: 'en',
    status: 'REJECTED',
    category: 'MARKETING',
    rejected_reason: 'INVALID_FORMAT',
    components: [{ type: 'BODY', text: 'Spring {{1}}' }],
  },
  { name: 'odd_category', language: 'en', status: 'APPROVED', category: 'MARKETING_LITE', components: [{ type: 'BODY', text: 'Hi' }] },
  ...Array.from({ length: 100 }, (_, i) => ({
    name: `filler_${i}`,
    language: 'en',
    status: 'APPROVED',
    category: 'UTILITY',
    components: [{ type: 'BODY', text: 'Filler' }],
  })),
];

/** POST endpoints.syncTemplates on the app whose Graph API is the stand-in. */
async function sync(workspaceId = cloud) {
  const res = await app.request(endpoints.syncTemplates.path.replace('{workspaceId}', workspaceId), {
    method: 'POST',
    headers: { authorization: `Bearer ${ADMIN_KEY}` },
  });
  return { status: res.status, text: await res.text() };
}
const templatesOf = async (workspaceId: string) =>
  (await h.call(endpoints.listTemplates, { workspaceId }, { key: ADMIN_KEY })).json.templates as Record<string, any>[];

beforeAll(async () => {
  h = await startApiHarness();
  standIn = await startCloudApiStandIn({ tokens: { '106540352242922': TOKEN }, templates: { [WABA]: metaTemplates } });
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

describe('templates API', () => {
  it("lists the workspace's templates with what flows need to fill them", async () => {
    const res = await h.call(endpoints.listTemplates, { workspaceId: h.a }, { key: h.keys.aViewer });
    expect(res.status).toBe(200);
    expect(res.json.templates.find((t: { name: string }) => t.name === 'cart_reminder')).toMatchObject({
      language: 'en',
      category: 'MARKETING',
      status: 'APPROVED',
      source: 'sandbox',
      bodyParameters: ['1', '2'],
      buttons: [
        { type: 'QUICK_REPLY', text: 'Complete my order' },
        { type: 'QUICK_REPLY', text: 'I have a question' },
        { type: 'QUICK_REPLY', text: 'Stop promotions' },
      ],
    });
    expect((await h.call(endpoints.listTemplates, { workspaceId: h.b }, { key: h.keys.b })).json.templates).toEqual([]);
  });

  it('creates a sandbox template, taking the parameters from its text, and updates it by name and language', async () => {
    const body = { name: 'welcome', language: 'en', category: 'UTILITY', text: { body: 'Hi {{2}} and {{1}}!' } };
    const res = await h.call(endpoints.createTemplate, { workspaceId: h.a }, { key: h.keys.a, body });
    expect(res.status).toBe(201);
    expect(res.json).toMatchObject({
      name: 'welcome',
      source: 'sandbox',
      status: 'APPROVED',
      bodyParameters: ['1', '2'],
      parameterFormat: 'positional',
      header: 'none',
    });
    const again = await h.call(endpoints.createTemplate, { workspaceId: h.a }, { key: h.keys.a, body: { ...body, text: { body: 'Hi {{1}}' } } });
    expect(again.json).toMatchObject({ id: res.json.id, bodyParameters: ['1'], text: { body: 'Hi {{1}}' } });
    expect((await templatesOf(h.a)).filter((t) => t.name === 'welcome')).toHaveLength(1);
    const conflict = await h.call(endpoints.createTemplate, { workspaceId: h.a }, { key: h.keys.a, body: { ...body, bodyParameters: ['name'] } });
    expect(conflict.status).toBe(400);
    expect(conflict.json.error.issues).toEqual([{ path: ['bodyParameters'], message: 'The body text has the parameters [1, 2]' }]);
  });

  it('refuses a sandbox template Meta would refuse, naming each part and what is wrong', async () => {
    const res = await h.call(
      endpoints.createTemplate,
      { workspaceId: h.a },
      {
        key: h.keys.a,
        body: {
          name: 'Spring Sale',
          language: 'English',
          category: 'MARKETING',
          text: { body: 'x'.repeat(1_025) },
          buttons: [
            { type: 'QUICK_REPLY', text: 'Yes please, send me the spring offers' },
            { type: 'QUICK_REPLY', text: 'No' },
          ],
        },
      },
    );
    expect(res.status).toBe(400);
    expect(res.json.error.issues.map((i: { path: (string | number)[]; message: string }) => `${i.path.join('.')}: ${i.message}`)).toEqual([
      'name: Use only lowercase letters, digits and underscores, such as order_shipped',
      'language: A language code such as en, de or pt_BR',
      'buttons.0.text: A button text has at most 25 characters',
      'text.body: The text has at most 1,024 characters',
    ]);
    const eleven = Array.from({ length: 11 }, (_, i) => ({ type: 'QUICK_REPLY', text: `Choice ${i + 1}` }));
    const many = await h.call(
      endpoints.createTemplate,
      { workspaceId: h.a },
      { key: h.keys.a, body: { name: 'spring_sale', language: 'en', category: 'MARKETING', text: { body: 'Pick one' }, buttons: eleven } },
    );
    expect(many.json.error.issues).toEqual([expect.objectContaining({ path: ['buttons'], message: 'At most 10 buttons' })]);
    expect((await templatesOf(h.a)).some((t) => t.name === 'Spring Sale' || t.name === 'spring_sale')).toBe(false);
  });

  it('refuses to create templates for a real number', async () => {
    const res = await h.call(
      endpoints.createTemplate,
      { workspaceId: cloud },
      { key: ADMIN_KEY, body: { name: 'welcome', language: 'en', category: 'UTILITY' } },
    );
    expect(res.status).toBe(409);
    expect(res.json.error).toEqual({ code: 'not_sandbox', message: 'Create templates in WhatsApp Manager, then sync' });
  });

  it("syncs every page of the account's templates and maps Meta's components", async () => {
    const res = await sync();
    expect(res.status).toBe(200);
    expect(JSON.parse(res.text)).toEqual({ synced: 103 });
    const requests = standIn.received().filter((r) => r.path === `/v24.0/${WABA}/message_templates`);
    expect(requests).toHaveLength(2);
    const list = await templatesOf(cloud);
    expect(list).toHaveLength(103);
    expect(list.every((t) => t.source === 'meta')).toBe(true);
    expect(list.find((t) => t.name === 'order_update_named')).toMatchObject({
      language: 'en_US',
      category: 'UTILITY',
      status: 'APPROVED',
      parameterFormat: 'named',
      bodyParameters: ['order_id', 'customer_name'],
      header: 'text',
      headerHasParameter: true,
      buttons: [
        { type: 'URL', text: 'Track', dynamic: true },
        { type: 'QUICK_REPLY', text: 'Stop updates', dynamic: false },
      ],
      text: {
        header: '{{order_type}} Update',
        body: 'Good news! Your order #{{order_id}} is on its way. Thank you, {{customer_name}}!',
        footer: 'Lucky Shrub',
      },
    });
    expect(list.find((t) => t.name === 'summer_sale')).toMatchObject({
      status: 'PAUSED',
      category: 'MARKETING',
      parameterFormat: 'positional',
      bodyParameters: ['1', '2'],
      header: 'image',
      headerHasParameter: false,
      buttons: [
        { type: 'URL', text: 'Shop', dynamic: false },
        { type: 'COPY_CODE', text: 'Copy offer code', dynamic: true },
        { type: 'PHONE_NUMBER', text: 'Call', dynamic: false },
      ],
    });
    expect(list.find((t) => t.name === 'odd_category')).toBeUndefined();
  });

  it("keeps Meta's quality rating and the reason it rejected a template", async () => {
    await sync();
    const list = await templatesOf(cloud);
    expect(list.find((t) => t.name === 'summer_sale')).toMatchObject({ quality: 'RED', rejectedReason: null });
    expect(list.find((t) => t.name === 'spring_offer')).toMatchObject({ status: 'REJECTED', rejectedReason: 'INVALID_FORMAT', quality: null });
  });

  it('names the flows that send each template, in their draft, their live version or both; archived flows are left out', async () => {
    const document = example('abandoned-cart');
    const live = (await h.call(endpoints.createFlow, { workspaceId: h.a }, { key: h.keys.a, body: { document, name: 'Cart nudge' } })).json;
    expect((await h.call(endpoints.publishFlow, { workspaceId: h.a, flowId: live.id }, { key: h.keys.a, body: { note: 'v1' } })).status).toBe(201);
    const draftOnly = (await h.call(endpoints.createFlow, { workspaceId: h.a }, { key: h.keys.a, body: { document, name: 'Cart nudge, new' } })).json;
    const archived = (await h.call(endpoints.createFlow, { workspaceId: h.a }, { key: h.keys.a, body: { document, name: 'Old cart nudge' } })).json;
    await h.call(endpoints.deleteFlow, { workspaceId: h.a, flowId: archived.id }, { key: h.keys.a });
    const swapped = { ...JSON.parse(JSON.stringify(document).replaceAll('"cart_reminder"', '"welcome"')), name: 'Cart nudge' };
    await h.call(endpoints.saveDraft, { workspaceId: h.a, flowId: live.id }, { key: h.keys.a, body: { document: swapped } });

    const cart = (await templatesOf(h.a)).find((t) => t.name === 'cart_reminder')!;
    const mine = new Set([live.id, draftOnly.id, archived.id]);
    const uses = cart.usedBy.filter((u: { flowId: string }) => mine.has(u.flowId));
    expect(uses).toEqual([
      { flowId: live.id, flowName: 'Cart nudge', where: 'live' },
      { flowId: draftOnly.id, flowName: 'Cart nudge, new', where: 'draft' },
    ]);
    const welcome = (await templatesOf(h.a)).find((t) => t.name === 'welcome' && t.language === 'en')!;
    expect(welcome.usedBy).toContainEqual({ flowId: live.id, flowName: 'Cart nudge', where: 'draft' });
  });

  it('marks templates Meta no longer lists as deleted on the next sync', async () => {
    standIn.setTemplates(
      WABA,
      metaTemplates.filter((t) => t.name !== 'summer_sale'),
    );
    expect(JSON.parse((await sync()).text)).toEqual({ synced: 102 });
    const list = await templatesOf(cloud);
    expect(list.find((t) => t.name === 'summer_sale')).toMatchObject({ status: 'DELETED' });
    expect(list.find((t) => t.name === 'order_update_named')).toMatchObject({ status: 'APPROVED' });
    standIn.setTemplates(WABA, metaTemplates);
  });

  it("answers 502 with Meta's reason when Meta refuses, never the token", async () => {
    const other = await createWorkspace(h.db.db, h.secrets, { name: 'Wrong token', transport: 'cloud', wabaId: WABA, accessToken: 'EAAGwrong-token-xyz-987' });
    const res = await sync(other);
    expect(res.status).toBe(502);
    expect(JSON.parse(res.text).error).toEqual({
      code: 'provider_rejected',
      message: 'WhatsApp refused to list the templates: Invalid OAuth access token - Cannot parse access token',
    });
    const unknownWaba = await createWorkspace(h.db.db, h.secrets, { name: 'Unknown WABA', transport: 'cloud', wabaId: '999999999', accessToken: TOKEN });
    const unknown = await sync(unknownWaba);
    expect(unknown.status).toBe(502);
    expect(JSON.parse(unknown.text).error.message).toContain("Object with ID '999999999' does not exist");
    expect(`${res.text}${unknown.text}${logs.join('')}`).not.toContain('wrong-token');
    expect(`${unknown.text}${logs.join('')}`).not.toContain(TOKEN);
  });

  it('needs a cloud workspace with its account id and token', async () => {
    const sandbox = await sync(h.a);
    expect(sandbox.status).toBe(409);
    expect(JSON.parse(sandbox.text).error.code).toBe('not_cloud');
    const bare = await createWorkspace(h.db.db, h.secrets, { name: 'No WABA', transport: 'cloud', accessToken: TOKEN });
    const missing = await sync(bare);
    expect(missing.status).toBe(422);
    expect(JSON.parse(missing.text).error).toEqual({ code: 'not_connected', message: 'Set the WhatsApp Business Account id and the access token first' });
  });
});
