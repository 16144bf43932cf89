// @vitest-environment node
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { endpoints } from '@tandem/shared/api';
import { apiAs, buildEditor, startTandem, type RunningTandem } from './tandemServer';
import { canvasDriver, launchChromium, login, screenshotDir, workspaceIdOf } from './browser';

// What a new user does, in a real browser against the real product (built editor, server, worker,
// embedded Postgres): build a journey, test it in the simulator, read its analytics, answer the
// handoff; copy a proven flow into another brand; fill in a WhatsApp Flow in the simulator.

let tandem: RunningTandem | undefined;
let browser: Browser | undefined;
const contexts: BrowserContext[] = [];

beforeAll(async () => {
  browser = await launchChromium();
  await buildEditor();
  tandem = await startTandem();
}, 180_000);

afterAll(async () => {
  for (const c of contexts) await c.close().catch(() => undefined);
  await browser?.close();
  await tandem?.stop();
}, 60_000);

async function newPage(): Promise<Page> {
  const context = await browser!.newContext({ viewport: { width: 1280, height: 800 } });
  contexts.push(context);
  const page = await context.newPage();
  page.setDefaultTimeout(20_000);
  return page;
}

const shot = (page: Page, name: string) => page.screenshot({ path: join(screenshotDir, `${name}.png`) });

/** Runs a browser scenario; on failure the page as it was and the server's last output are attached to the error. */
async function scenario(body: (page: Page) => Promise<void>): Promise<void> {
  const page = await newPage();
  try {
    await body(page);
  } catch (error) {
    const file = join(tmpdir(), `tandem-browser-failure-${Date.now()}.png`);
    await page.screenshot({ path: file }).catch(() => undefined);
    const logs = tandem?.output().split('\n').slice(-40).join('\n');
    if (error instanceof Error) error.message += `\n--- page: ${file}\n--- server output (last lines) ---\n${logs}`;
    throw error;
  }
}

describe.sequential('the editor in a browser', () => {
  it(
    'builds a journey, publishes it, runs it in the simulator to the handoff, shows its analytics and answers it in the inbox',
    () =>
      scenario(async (page) => {
        const c = canvasDriver(page);
        await login(page, tandem!.url, tandem!.email, tandem!.password);
        await page.locator('tr[data-flow="Abandoned cart recovery"]').waitFor();
        expect(await page.getByTestId('workspace-role').textContent()).toBe('admin');
        await shot(page, 'flow-list');

        // A new flow, five steps from the palette.
        await page.getByTestId('new-flow').click();
        await page.getByTestId('new-flow-name').fill('Coffee journey');
        await page.getByTestId('create-flow').click();
        await page.getByTestId('flow-name').filter({ hasText: 'Coffee journey' }).waitFor();
        const trigger = await c.drop('trigger-message', 20, 20);
        const template = await c.drop('send-template', 330, 20);
        const question = await c.drop('bot-question', 20, 200);
        const wait = await c.drop('wait', 330, 200);
        const handoff = await c.drop('handoff', 330, 330);

        // The trigger listens for "coffee".
        await c.node(trigger).click();
        await page.getByRole('button', { name: 'Remove hi' }).click();
        await page.locator('.tn-inspector input[data-path="keywords"]').fill('coffee');
        await page.locator('.tn-inspector input[data-path="keywords"]').press('Enter');
        await c.node(trigger).getByText('coffee').waitFor();

        // The template comes from the workspace: picking it sets its language and category and asks for its two values.
        await c.node(template).click();
        await page.getByTestId('template-picker').locator('select').selectOption('order_shipped|en');
        await page.getByTestId('template-card').getByText('is on its way').waitFor();
        expect(await page.getByTestId('template-variable-count').textContent()).toBe('2 variables');
        // Until its values are given, the step asks for them.
        await page.locator('.tn-inspector [data-errors-for="body.0.value"]').waitFor();
        await c.typeCode('body.0.value', 'A-1001');
        await c.typeCode('buttons.0.value', 'A-1001');
        await c.node(template).getByText('order_shipped').waitFor();

        // The question: two reply buttons.
        await c.node(question).click();
        await page.locator('.tn-inspector select[data-path="prompt.kind"]').selectOption('buttons');
        // A new question asks for an email saved on the contact: as buttons it no longer writes the email address (a button id would land there), and says so.
        await page.getByRole('status', { name: 'Changed with it' }).getByText("Not saved to the contact's email: the answer is a choice.").waitFor();
        expect(await page.locator('.tn-inspector input[data-path="saveTo.enabled"]').isChecked()).toBe(false);
        expect(await page.locator('.tn-inspector select[data-path="answerType"]').inputValue()).toBe('choice');
        await c.typeCode('prompt.body', 'Coffee or tea?');
        await page.getByRole('button', { name: 'Add button' }).click();
        await page.getByRole('button', { name: 'Add button' }).click();
        await page.locator('.tn-inspector [data-path="prompt.buttons.0.title"]').fill('Coffee');
        await page.locator('.tn-inspector [data-path="prompt.buttons.1.title"]').fill('Tea');
        await c.node(question).locator('[data-port="button_2"]').waitFor();

        await c.connect(trigger, 'next', template);
        await c.connect(template, 'next', question);
        await c.connect(question, 'button_1', wait);
        await c.connect(wait, 'next', handoff);

        // "Tea" leads nowhere: an error on the step and in the Problems panel, and Publish is off.
        const unconnected = page.locator('[data-problem="unconnected-port"]');
        await unconnected.filter({ hasText: 'Tea' }).waitFor();
        expect(await c.checksSettled()).toMatch(/^1 error/);
        expect(await c.node(question).locator('[data-badge="errors"]').textContent()).toBe('1');
        expect(await page.getByRole('button', { name: 'Publish' }).isDisabled()).toBe(true);
        // Clicking the problem opens the step it is about.
        await unconnected.click();
        await page.getByRole('region', { name: 'Ask a question settings' }).getByText('The "Tea" output').waitFor();
        await shot(page, 'problems');

        await c.connect(question, 'button_2', handoff);
        await unconnected.waitFor({ state: 'detached' });
        await page.locator('.react-flow__controls-fitview').click();
        expect(await c.checksSettled()).toMatch(/^No errors/);
        await page
          .getByTestId('save-state')
          .filter({ hasText: /^Saved$/ })
          .waitFor();
        await c.node(template).click();
        await page.getByTestId('template-card').waitFor();
        await shot(page, 'canvas');

        // Publish with a note.
        await page.getByRole('button', { name: 'Publish' }).click();
        await page.getByTestId('publish-note').fill('First version: coffee or tea');
        await page.getByTestId('publish-confirm').click();
        await page.getByTestId('live-version').filter({ hasText: 'Live: v1' }).waitFor();

        // The version history lists it; its read-only view cannot be edited.
        await page.getByRole('button', { name: 'Versions' }).click();
        await page.locator('[data-testid=versions] li[data-version="1"]').filter({ hasText: 'First version: coffee or tea' }).waitFor();
        await page.locator('[data-testid=versions] li[data-version="1"]').getByRole('button', { name: 'View' }).click();
        await page.getByTestId('read-only-banner').waitFor();
        expect(await page.locator('[data-palette]').count()).toBe(0);
        expect(await page.getByRole('button', { name: 'Publish' }).count()).toBe(0);
        await page.getByRole('button', { name: 'Back to the draft' }).click();
        await page.locator('[data-palette="wait"]').waitFor();

        // The simulator: say the keyword, tap a button, fast-forward through the wait.
        await page.getByRole('button', { name: 'Simulator' }).click();
        const sim = page.getByRole('region', { name: 'Simulator' });
        await sim.locator('[data-testid=sim-run][data-status=none]').waitFor();
        await sim.getByTestId('sim-text').fill('coffee');
        await sim.getByTestId('sim-send').click();
        const template1 = sim.locator('[data-testid=message][data-kind=template]');
        await template1.filter({ hasText: 'Order A-1001 is on its way' }).waitFor();
        await sim.locator('[data-testid=message][data-kind=buttons] button[data-reply="button_1"]').click();
        await c.node(wait).locator('[data-testid=current-node]').waitFor();
        await sim.locator('[data-testid=sim-run][data-node="wait_1"][data-waiting="timer"]').waitFor();
        await shot(page, 'simulator');
        const before = await sim.getByTestId('sandbox-time').textContent();
        await sim.getByRole('button', { name: '+1 h' }).click();
        await sim.locator('[data-testid=sim-run][data-node="handoff_1"][data-waiting="person"]').waitFor();
        await c.node(handoff).locator('[data-testid=current-node]').waitFor();
        expect(await sim.getByTestId('sandbox-time').textContent()).not.toBe(before);
        // A person answers from the Business App: shown as such.
        await sim.getByRole('radio', { name: /Business App/ }).click();
        await sim.getByTestId('sim-text').fill('Hi, Anna from the shop here');
        await sim.getByTestId('sim-send').click();
        await sim.locator('[data-testid=message][data-direction=echo]').filter({ hasText: 'Hi, Anna from the shop here' }).getByTestId('app-echo').waitFor();

        // Analytics: every step passed counts one entry.
        await page.getByRole('button', { name: 'Analytics' }).click();
        for (const id of [trigger, template, question, wait, handoff]) {
          await c.node(id).locator('[data-testid=node-analytics][data-entered="1"]').waitFor();
        }
        await page.locator('.tn-edge-counted .react-flow__edge-text', { hasText: '1' }).first().waitFor();
        expect(await c.node(question).locator('[data-port-count="button_1"]').textContent()).toBe('1');
        expect(await c.node(question).locator('[data-port-count="button_2"]').textContent()).toBe('0');
        await c.node(handoff).click();
        await page.getByTestId('node-entered').filter({ hasText: '1' }).waitFor();
        await shot(page, 'analytics');
        await page.getByTestId('run-list').locator('button[data-run]').first().click();
        await page.getByTestId('run-steps').locator('[data-node="handoff_1"]').first().waitFor();
        await shot(page, 'run-log');
        await page.keyboard.press('Escape');

        // The inbox has the conversation: the App reply marked, take it, answer.
        await page.getByTestId('nav-inbox').click();
        await page.locator('[data-testid=handoffs] button[data-handoff]').filter({ hasText: '15550001111' }).click();
        const conversation = page.getByTestId('conversation');
        await conversation
          .locator('[data-testid=message][data-direction=echo]')
          .filter({ hasText: 'Hi, Anna from the shop here' })
          .getByTestId('app-echo')
          .waitFor();
        await conversation.getByTestId('take').click();
        // Taken once the page says so. Until the take (and the reload after it) is done, Send is off,
        // and Enter in the box sends nothing: wait for the button before pressing it.
        await conversation.locator('.tn-conversation-head .tn-status-taken').waitFor();
        await conversation.getByTestId('take').waitFor({ state: 'detached' });
        await conversation.getByTestId('reply-text').fill('Your order A-1001 arrives tomorrow.');
        await conversation.getByRole('button', { name: 'Send', disabled: false }).waitFor();
        await conversation.getByTestId('reply-text').press('Enter');
        await conversation.getByTestId('message').filter({ hasText: 'Your order A-1001 arrives tomorrow.' }).waitFor();
        await shot(page, 'inbox');
      }),
    120_000,
  );

  it(
    'copies a proven flow into a second brand with its template mapped, and opens the copy there',
    () =>
      scenario(async (page) => {
        const c = canvasDriver(page);
        await login(page, tandem!.url, tandem!.email, tandem!.password);

        // A second brand, created in the app; it gets its own approved template.
        await page.getByTestId('workspace-switcher').selectOption('__new__');
        await page.getByTestId('new-workspace-name').fill('Bloom Cosmetics');
        await page.getByTestId('create-workspace').click();
        await page.getByTestId('flow-list').getByText('No flows yet').waitFor();
        const bloom = workspaceIdOf(page);
        const api = await apiAs(tandem!.url, tandem!.email, tandem!.password);
        await api(endpoints.createTemplate, {
          params: { workspaceId: bloom },
          body: {
            name: 'bloom_cart_nudge',
            language: 'en',
            category: 'MARKETING',
            bodyParameters: ['1', '2'],
            // Two buttons where the demo brand's template has three, and the opt-out is the second.
            buttons: [
              { type: 'QUICK_REPLY', text: 'Finish my order', dynamic: false },
              { type: 'QUICK_REPLY', text: 'Stop promotions', dynamic: false },
            ],
            text: { body: 'Hi {{1}}, your {{2}} are waiting for you at Bloom.' },
          },
        });

        // Back in the demo brand, the abandoned-cart flow goes to Bloom with its template mapped.
        const demo = (await api(endpoints.listWorkspaces)).workspaces.find((w) => w.name === 'Demo shop')!;
        await page.getByTestId('workspace-switcher').selectOption(demo.id);
        const row = page.locator('tr[data-flow="Abandoned cart recovery"]');
        await row.getByTestId('clone-flow').click();
        const dialog = page.getByTestId('clone-dialog');
        await dialog.getByTestId('clone-target').selectOption(bloom);
        const cart = dialog.locator('[data-testid=clone-templates] tr[data-template="cart_reminder"]');
        await cart.getByText('missing').waitFor();
        await cart.locator('select').selectOption('bloom_cart_nudge|en');
        await dialog.getByTestId('clone-name').fill('Abandoned cart (Bloom)');
        await shot(page, 'clone-dialog');
        await dialog.getByTestId('clone-confirm').click();

        // The copy opens in Bloom, sending Bloom's template, with nothing to fix.
        await page.getByTestId('flow-name').filter({ hasText: 'Abandoned cart (Bloom)' }).waitFor();
        expect(workspaceIdOf(page)).toBe(bloom);
        expect(await page.getByTestId('workspace-switcher').inputValue()).toBe(bloom);
        await c.node('reminder').getByText('bloom_cart_nudge').waitFor();
        expect(await c.checksSettled()).toMatch(/^No errors/);
        expect(await page.locator('[data-problem="unknown-template"]').count()).toBe(0);
        const copies = await api(endpoints.listFlows, { params: { workspaceId: bloom }, query: {} });
        expect(copies.flows.map((f) => f.name)).toEqual(['Abandoned cart (Bloom)']);
        // The step's buttons follow Bloom's template: "Finish my order" keeps the payload the reply question branches on, and the opt-out moved to "Stop promotions".
        const copy = await api(endpoints.getFlow, { params: { workspaceId: bloom, flowId: copies.flows[0]!.id } });
        const reminder = (copy.draft.nodes as { id: string; data: Record<string, unknown> }[]).find((n) => n.id === 'reminder')!;
        expect(reminder.data).toMatchObject({
          buttons: [
            { index: 0, type: 'quick_reply', value: 'complete' },
            { index: 1, type: 'quick_reply', value: 'stop' },
          ],
          optOutButton: 1,
        });
      }),
    90_000,
  );

  it(
    'publishes a journey that sends a WhatsApp Flow, and fills in the form in the simulator: the answers and the thanks show in the thread',
    () =>
      scenario(async (page) => {
        const c = canvasDriver(page);
        // A new sandbox brand (it starts with the example WhatsApp Flows), with the lead sign-up journey imported.
        const api = await apiAs(tandem!.url, tandem!.email, tandem!.password);
        const shop = await api(endpoints.createWorkspace, { body: { name: 'Lucky Shrub', transport: 'sandbox' } });
        const document = JSON.parse(readFileSync(join(import.meta.dirname, '..', '..', '..', 'engine', 'examples', 'lead-signup-form.json'), 'utf8'));
        const imported = await api(endpoints.importFlow, { params: { workspaceId: shop.id }, body: { document } });
        await login(page, tandem!.url, tandem!.email, tandem!.password);
        await page.goto(`${tandem!.url}/#/w/${encodeURIComponent(shop.id)}/flows/${encodeURIComponent(imported.id)}`);
        await page.getByTestId('flow-name').filter({ hasText: 'Lead sign-up form' }).waitFor();

        // The step sends the workspace's lead_signup Flow, picked from its synced Flows.
        await c.node('form').click();
        const picker = page.getByTestId('wa-flow-picker');
        expect(await picker.locator('select').inputValue()).toBe('2814653498770231');
        expect(await picker.getByTestId('wa-flow-status').textContent()).toBe('published');
        await picker.locator('[data-field="marketing_opt_in"]').waitFor();
        expect(await c.checksSettled()).toMatch(/^No errors/);

        await page.getByRole('button', { name: 'Publish' }).click();
        await page.getByTestId('publish-note').fill('Lead form');
        await page.getByTestId('publish-confirm').click();
        await page.getByTestId('live-version').filter({ hasText: 'Live: v1' }).waitFor();

        // "join" brings the Flow message; its button opens the form.
        await page.getByRole('button', { name: 'Simulator' }).click();
        const sim = page.getByRole('region', { name: 'Simulator' });
        await sim.getByTestId('sim-text').fill('join');
        await sim.getByTestId('sim-send').click();
        const flowMessage = sim.locator('[data-testid=message][data-kind=flow]');
        await flowMessage.filter({ hasText: 'Tell us a little about you' }).waitFor();
        await sim.locator('[data-testid=sim-run][data-node="form"][data-waiting="reply"]').waitFor();
        await flowMessage.getByRole('button', { name: 'Sign up', disabled: false }).click();

        const form = sim.getByTestId('flow-form');
        await form.getByText('Stay in touch').waitFor();
        // Required fields are asked for before anything is sent.
        await form.getByTestId('flow-submit').click();
        await form.locator('[data-missing="name"]').waitFor();
        await form.locator('[data-field="name"]').fill('Ana');
        await form.locator('[data-field="email"]').fill('ana@example.com');
        await form.locator('[data-field="interest"]').selectOption('workshops');
        await form.locator('[data-field="marketing_opt_in"]').check();
        await shot(page, 'simulator-whatsapp-flow');
        await form.getByTestId('flow-submit').click();
        await form.waitFor({ state: 'detached' });

        // The submitted form shows with its answers, and the journey thanks the contact by name.
        const reply = sim.locator('[data-testid=message][data-kind=form-reply]');
        await reply.locator('[data-answer="interest"] dd').filter({ hasText: 'workshops' }).waitFor();
        expect(await reply.locator('[data-answer="name"] dd').textContent()).toBe('Ana');
        expect(await reply.locator('[data-answer="marketing_opt_in"] dd').textContent()).toBe('Yes');
        await sim.locator('[data-testid=message][data-kind=text]').filter({ hasText: 'Thanks Ana!' }).waitFor();
        await sim.locator('[data-testid=sim-run][data-status=completed]').waitFor();
      }),
    90_000,
  );
});
