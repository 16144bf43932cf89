// @vitest-environment node
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { endpoints } from '@tandem/shared/api';
import { startCloudApiStandIn, type CloudApiStandIn } from '@tandem/engine/whatsapp/stand-in';
import { apiAs } from './tandemServer';
import { login } from './browser';
import { productSession } from './productSession';

// An admin finishes setting up a workspace without the API, in a real browser against the real
// product, with the Cloud API stand-in as Meta: connects the number and tests the connection,
// adds a teammate and changes their role, creates and revokes an API key; the teammate changes
// their first password and logs in with the new one.

const NUMBER = '106540352242922';
const TOKEN = 'EAAGbrowser-test-access-token';
const VERIFY_TOKEN = 'browser-test-verify-token';

let standIn: CloudApiStandIn;
beforeAll(async () => {
  standIn = await startCloudApiStandIn({
    tokens: { [NUMBER]: TOKEN },
    phoneNumbers: { [NUMBER]: { display_phone_number: '+1 631-555-5555', verified_name: "Jasper's Market" } },
  });
});
afterAll(() => standIn?.close());

const {
  tandem: product,
  scenario,
  shot,
} = productSession({
  env: () => ({ WHATSAPP_API_BASE_URL: standIn.url, WHATSAPP_VERIFY_TOKEN: VERIFY_TOKEN, WHATSAPP_APP_SECRET: 'browser-test-app-secret' }),
});

/** A new workspace of the admin's, opened on one of its pages. */
async function openNewWorkspace(page: Page, name: string, section: 'settings' | 'team'): Promise<string> {
  const api = await apiAs(product().url, product().email, product().password);
  const { id } = await api(endpoints.createWorkspace, { body: { name } });
  await login(page, product().url, product().email, product().password);
  await page.goto(`${product().url}/#/w/${encodeURIComponent(id)}/${section}`);
  return id;
}

/** Logs out through the header and waits for the login form. */
async function logOut(page: Page) {
  await page.getByRole('button', { name: 'Log out' }).click();
  await page.getByTestId('login-email').waitFor();
}

describe.sequential('admin screens in a browser', () => {
  it(
    'connects a sandbox to a number, tests the connection with Meta and shows what to paste into Meta',
    () =>
      scenario(async (page) => {
        await openNewWorkspace(page, "Jasper's Market", 'settings');
        page.on('dialog', (d) => void d.accept());
        await page.getByTestId('connect-number').waitFor();
        expect(await page.getByTestId('number-status').textContent()).toContain('This workspace is a sandbox');
        expect(await page.getByTestId('token-state').textContent()).toBe('not set');

        await page.getByTestId('number-id').fill(NUMBER);
        await page.getByTestId('number-waba').fill('102290129340398');
        await page.getByTestId('number-display').fill('+1 631-555-5555');
        await page.getByTestId('number-token').fill(TOKEN);
        await page.getByTestId('number-save').click();
        await page.getByTestId('number-saved').waitFor();
        await page.getByTestId('number-status').filter({ hasText: "Sending through WhatsApp's Cloud API from +1 631-555-5555" }).waitFor();
        expect(await page.getByTestId('token-state').textContent()).toBe('set');
        expect(await page.getByTestId('number-token').inputValue()).toBe('');

        await page.getByTestId('test-connection').click();
        const result = page.getByTestId('connection-result');
        await result.waitFor();
        expect(await result.getAttribute('data-ok')).toBe('true');
        expect(await result.textContent()).toContain("Connected: Meta knows this number as Jasper's Market, +1 631-555-5555.");
        const asked = standIn.received().filter((r) => r.method === 'GET' && r.path === `/v24.0/${NUMBER}`);
        expect(asked).toHaveLength(1);

        expect(await page.getByTestId('webhook-url').inputValue()).toBe(`${product().url}/webhooks/whatsapp`);
        expect(await page.getByTestId('verify-token').inputValue()).toBe(VERIFY_TOKEN);
        // The values work: Meta's verification request with them is answered with its challenge.
        const check = await fetch(`${product().url}/webhooks/whatsapp?hub.mode=subscribe&hub.verify_token=${VERIFY_TOKEN}&hub.challenge=8841`);
        expect(await check.text()).toBe('8841');
        await page.getByTestId('connection-check').scrollIntoViewIfNeeded();
        await shot(page, 'settings-number');

        // A revoked token: the test says so in plain words.
        standIn.failNext(190);
        await page.getByTestId('test-connection').click();
        await page.getByTestId('connection-result').filter({ hasText: 'Not connected. Meta refused the access token' }).waitFor();
      }),
    120_000,
  );

  it(
    'saves the marketing cap and the time zone new flows start with',
    () =>
      scenario(async (page) => {
        const id = await openNewWorkspace(page, 'Bloom Paris', 'settings');
        await page.getByTestId('cap-on').check();
        await page.getByTestId('cap-max').fill('2');
        await page.getByTestId('cap-hours').fill('168');
        await page.getByTestId('messaging-save').click();
        await page.getByTestId('messaging-saved').waitFor();

        await page.getByTestId('default-timezone').selectOption('Europe/Paris');
        await page.getByTestId('quiet-on').check();
        await page.getByTestId('quiet-start').fill('21:30');
        await page.getByTestId('defaults-save').click();
        await page.getByTestId('defaults-saved').waitFor();
        await page.getByTestId('flow-defaults').scrollIntoViewIfNeeded();
        await shot(page, 'settings-defaults');

        const api = await apiAs(product().url, product().email, product().password);
        const flow = await api(endpoints.createFlow, { params: { workspaceId: id }, body: { name: 'Welcome' } });
        expect(flow.draft.settings).toEqual({ timezone: 'Europe/Paris', quietHours: { start: '21:30', end: '08:00' } });
        await page.reload();
        expect(await page.getByTestId('cap-max').inputValue()).toBe('2');
        expect(await page.getByTestId('default-timezone').inputValue()).toBe('Europe/Paris');
      }),
    120_000,
  );

  it(
    'adds a teammate and changes their role, creates an API key that works and revokes it',
    () =>
      scenario(async (page) => {
        const id = await openNewWorkspace(page, 'Team shop', 'team');
        page.on('dialog', (d) => void d.accept());
        await page.getByTestId('team-members').locator('tr[data-member="admin@tandem.test"]').waitFor();

        await page.getByTestId('add-member').click();
        await page.getByTestId('member-email').fill('ana@tandem.test');
        await page.getByTestId('member-name').fill('Ana');
        await page.getByTestId('member-role').selectOption('agent');
        await page.getByTestId('add-member-submit').click();
        const firstPassword = (await page.getByTestId('member-added-password').textContent())!;
        expect(firstPassword).toHaveLength(16);
        const ana = page.locator('tr[data-member="ana@tandem.test"]');
        expect(await ana.getByTestId('member-role-select').inputValue()).toBe('agent');
        await ana.getByTestId('member-role-select').selectOption('editor');
        await page.getByTestId('team-message').filter({ hasText: 'ana@tandem.test is now editor.' }).waitFor();
        // The only admin can be neither demoted nor removed.
        expect(await page.locator('tr[data-member="admin@tandem.test"]').getByTestId('member-role-select').isDisabled()).toBe(true);
        await page.getByTestId('member-added').getByRole('button', { name: 'Done' }).click();

        await page.getByTestId('create-key').click();
        await page.getByTestId('key-name').fill('Shop sync');
        await page.getByTestId('key-role-viewer').check();
        await page.getByTestId('create-key-submit').click();
        const key = await page.getByTestId('new-key-value').inputValue();
        const asKey = () => fetch(`${product().url}/api/workspaces/${encodeURIComponent(id)}`, { headers: { authorization: `Bearer ${key}` } });
        const used = await asKey();
        expect(used.status).toBe(200);
        expect(((await used.json()) as { role: string }).role).toBe('viewer');
        await page.evaluate(() => window.scrollTo(0, 0));
        await shot(page, 'team');
        await page.getByTestId('new-key-done').click();
        await page.locator('tr[data-key="Shop sync"]').getByTestId('revoke-key').click();
        await page.getByTestId('keys-message').filter({ hasText: 'Revoked “Shop sync”.' }).waitFor();
        expect(await page.locator('tr[data-key="Shop sync"]').count()).toBe(0);
        expect((await asKey()).status).toBe(401);

        // The teammate signs in with the first password, sees the Team page is for admins, and changes the password.
        await logOut(page);
        await login(page, product().url, 'ana@tandem.test', firstPassword);
        await page.goto(`${product().url}/#/w/${encodeURIComponent(id)}/team`);
        expect(await page.getByTestId('team-admins-only').textContent()).toContain('Your role here is editor');
        await page.getByTestId('nav-account').click();
        await page.getByTestId('password-current').fill(firstPassword);
        await page.getByTestId('password-next').fill('short');
        await page.getByTestId('password-again').fill('short');
        await page.getByTestId('change-password').click();
        expect(await page.getByTestId('password-next-error').textContent()).toBe('Too short: 5 of at least 10 characters');
        await page.getByTestId('password-next').fill('ana-own-password-2026');
        await page.getByTestId('password-again').fill('ana-own-password-2026');
        await shot(page, 'account');
        await page.getByTestId('change-password').click();
        await page.getByTestId('password-changed').waitFor();

        await logOut(page);
        await page.getByTestId('login-email').fill('ana@tandem.test');
        await page.getByTestId('login-password').fill(firstPassword);
        await page.getByTestId('login-submit').click();
        await page.getByText('Wrong email or password').waitFor();
        await login(page, product().url, 'ana@tandem.test', 'ana-own-password-2026');
      }),
    120_000,
  );
});
