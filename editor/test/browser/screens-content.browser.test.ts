// @vitest-environment node
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { endpoints } from '@tandem/shared/api';
import { startCloudApiStandIn, type CloudApiStandIn } from '@tandem/engine/whatsapp/stand-in';
import { apiAs } from './tandemServer';
import { canvasDriver, login } from './browser';
import { productSession } from './productSession';

// A marketer manages a brand's content without the API, in a real browser against the real
// product (the Cloud API stand-in as Meta): adds a sandbox template through the Templates screen
// and sends it from a flow, sees which flows use it, syncs a real number's templates from Meta,
// and copies a flow to a brand that lacks its template without a dead end.

const WABA = '102290129340398';
const TOKEN = 'EAAGbrowser-templates-token';
/** The account's templates as Meta lists them: one approved, one paused for low quality, one rejected. */
const metaTemplates = [
  {
    name: 'order_update',
    language: 'en_US',
    status: 'APPROVED',
    category: 'UTILITY',
    quality_score: { score: 'GREEN' },
    components: [
      { type: 'BODY', text: 'Good news {{1}}! Your order {{2}} is on its way.' },
      { type: 'BUTTONS', buttons: [{ type: 'URL', text: 'Track', url: 'https://shop.example.com/t/{{1}}' }] },
    ],
  },
  {
    name: 'summer_sale',
    language: 'de',
    status: 'PAUSED',
    category: 'MARKETING',
    quality_score: { score: 'RED' },
    components: [{ type: 'BODY', text: 'Hallo {{1}}, 20 % Rabatt auf alles!' }],
  },
  {
    name: 'spring_offer',
    language: 'en',
    status: 'REJECTED',
    category: 'MARKETING',
    rejected_reason: 'INVALID_FORMAT',
    components: [{ type: 'BODY', text: '{{1}}{{2}}' }],
  },
];

let standIn: CloudApiStandIn;
beforeAll(async () => {
  standIn = await startCloudApiStandIn({ tokens: { '106540352242922': TOKEN }, templates: { [WABA]: metaTemplates } });
});
afterAll(() => standIn?.close());

const { tandem: product, scenario, shot } = productSession({ env: () => ({ WHATSAPP_API_BASE_URL: standIn.url }) });
const example = (name: string) =>
  JSON.parse(readFileSync(join(import.meta.dirname, '..', '..', '..', 'engine', 'examples', `${name}.json`), 'utf8')) as Record<string, unknown>;

/** The admin's API client and a new sandbox workspace of theirs, opened in the browser on `section`. */
async function openNewWorkspace(page: Page, name: string, section: string) {
  const api = await apiAs(product().url, product().email, product().password);
  const { id } = await api(endpoints.createWorkspace, { body: { name } });
  await login(page, product().url, product().email, product().password);
  await page.goto(`${product().url}/#/w/${encodeURIComponent(id)}/${section}`);
  return { api, id };
}

describe.sequential('content screens in a browser', () => {
  it(
    "adds a sandbox template on the Templates screen, sends it from a flow's step and lists the flow under the template",
    () =>
      scenario(async (page) => {
        const { api, id } = await openNewWorkspace(page, 'Petal & Co', 'templates');
        await page.getByTestId('templates-empty').getByText('No templates yet').waitFor();

        await page.getByTestId('new-template').click();
        const form = page.getByTestId('template-form');
        await form.getByTestId('template-name').fill('Spring Sale');
        await form.getByTestId('template-body').fill('{{1}}{{2}} off');
        await form.getByTestId('template-create').click();
        // Checked as Meta would, in words, before anything is sent.
        expect(await form.getByTestId('template-name-problem').textContent()).toMatch(/lowercase letters/);
        expect(await form.getByTestId('template-body-problem').textContent()).toMatch(/between two variables/);
        await form.getByTestId('template-name').fill('spring_sale');
        await form.getByTestId('template-body').fill('Hi {{1}}, take {{2}} off your next bouquet.');
        await form.getByTestId('template-example-1').fill('Ana');
        await form.getByTestId('template-example-2').fill('20%');
        expect(await form.getByTestId('template-preview').textContent()).toBe('Hi Ana, take 20% off your next bouquet.');
        await form.getByTestId('template-add-button').click();
        await form.getByLabel('Button 1 text').fill('Shop now');
        await shot(page, 'template-new');
        await form.getByTestId('template-create').click();

        await page.getByTestId('template-created').waitFor();
        const card = page.locator('[data-testid=template][data-name="spring_sale"]');
        expect(await card.getByTestId('template-status').textContent()).toBe('Approved');
        await card.getByText('Shop now').waitFor();
        await card.getByText('Not used by any flow yet.').waitFor();

        // A flow's "Send template" step offers it and asks for its two values.
        const flow = (await api(endpoints.createFlow, { params: { workspaceId: id }, body: { document: example('abandoned-cart') } })) as { id: string };
        await page.goto(`${product().url}/#/w/${encodeURIComponent(id)}/flows/${flow.id}`);
        const c = canvasDriver(page);
        await c.node('reminder').click();
        await page.getByTestId('template-picker').locator('select').selectOption('spring_sale|en');
        await page.getByTestId('template-card').getByText('off your next bouquet').waitFor();
        expect(await page.getByTestId('template-variable-count').textContent()).toBe('2 variables');
        await page.locator('[data-testid=save-state][data-save="saved"]').waitFor();

        // The template names the flow that sends it, and the name opens the flow.
        await page.goto(`${product().url}/#/w/${encodeURIComponent(id)}/templates`);
        const uses = page.locator('[data-testid=template][data-name="spring_sale"] [data-testid=template-used-by]');
        await uses.getByText('Abandoned cart recovery').waitFor();
        expect(await uses.textContent()).toContain('(draft only)');
        await shot(page, 'templates');
        await page.getByTestId('template-search').fill('bouquet');
        await page.getByText('1 template', { exact: true }).waitFor();
        await uses.getByTestId('template-flow-link').click();
        await page.getByTestId('flow-name').filter({ hasText: 'Abandoned cart recovery' }).waitFor();
      }),
    120_000,
  );

  it(
    "syncs a real number's templates from Meta and shows each one's status, quality and Meta's reason for a rejection",
    () =>
      scenario(async (page) => {
        const api = await apiAs(product().url, product().email, product().password);
        const { id } = await api(endpoints.createWorkspace, {
          body: { name: 'Lucky Shrub', transport: 'cloud', phoneNumberId: '106540352242922', wabaId: WABA, accessToken: TOKEN },
        });
        await login(page, product().url, product().email, product().password);
        await page.goto(`${product().url}/#/w/${encodeURIComponent(id)}/templates`);
        await page.getByTestId('templates-empty').getByText('Sync from Meta', { exact: false }).waitFor();
        await page.getByTestId('sync-templates').click();
        await page.getByTestId('sync-result').getByText('3 templates synced from Meta.').waitFor();
        const order = page.locator('[data-testid=template][data-name="order_update"]');
        expect(await order.getByTestId('template-status').textContent()).toBe('Approved');
        await order.getByText('High quality').waitFor();
        await order.getByText('Good news {{1}}! Your order {{2}} is on its way.').waitFor();
        const sale = page.locator('[data-testid=template][data-name="summer_sale"]');
        expect(await sale.getByTestId('template-status').textContent()).toBe('Paused');
        await sale.getByText('Low quality').waitFor();
        await page
          .locator('[data-testid=template][data-name="spring_offer"]')
          .getByText(/Why: The format is not accepted/)
          .waitFor();
        await shot(page, 'templates-synced');
      }),
    120_000,
  );

  it(
    "copies a flow to a sandbox brand that lacks its template: creates the template there from the original, and the copy's preview finds it",
    () =>
      scenario(async (page) => {
        const { api, id: target } = await openNewWorkspace(page, 'Fern Studio', 'templates');
        const demo = (await api(endpoints.listWorkspaces)).workspaces.find((w) => w.name === 'Demo shop')!;
        await page.goto(`${product().url}/#/w/${encodeURIComponent(demo.id)}/flows`);
        await page.locator('tr[data-flow="Abandoned cart recovery"]').getByTestId('clone-flow').click();
        const dialog = page.getByTestId('clone-dialog');
        await dialog.getByTestId('clone-target').selectOption(target);
        const cart = dialog.locator('[data-testid=clone-templates] tr[data-template="cart_reminder"]');
        await cart.getByText('missing').waitFor();

        // A choice made before stays when the dialog looks again.
        await dialog.getByLabel('Attribute for first_name').fill('given_name');

        // Instead of a dead end: create it in Fern Studio, prefilled from the Demo shop's template.
        await dialog.locator('[data-testid=clone-create-template][data-template="cart_reminder"]').click();
        const form = dialog.getByTestId('template-form');
        expect(await form.getByTestId('template-name').inputValue()).toBe('cart_reminder');
        expect(await form.getByTestId('template-body').inputValue()).toContain('{{1}}');
        await form.getByTestId('template-create').click();
        await form.getByTestId('template-examples-problem').waitFor();
        await shot(page, 'clone-missing-template');
        await form.getByTestId('template-example-1').fill('Ana');
        await form.getByTestId('template-example-2').fill('2 plants');
        await form.getByTestId('template-create').click();

        await cart.getByLabel('exists').waitFor();
        expect(await dialog.getByLabel('Attribute for first_name').inputValue()).toBe('given_name');
        await dialog.getByLabel('Attribute for first_name').fill('first_name');
        await dialog.getByTestId('clone-missing-actions').waitFor({ state: 'detached' });
        const created = await api(endpoints.listTemplates, { params: { workspaceId: target } });
        expect(created.templates.map((t) => `${t.name}|${t.language}`)).toEqual(['cart_reminder|en']);
        await dialog.getByTestId('clone-confirm').click();
        await page.getByTestId('flow-name').filter({ hasText: 'Abandoned cart recovery' }).waitFor();
        expect(await canvasDriver(page).checksSettled()).toMatch(/^No errors/);
      }),
    120_000,
  );
});
