// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { endpoints } from '@tandem/shared/api';
import { apiAs } from './tandemServer';
import { login, workspaceIdOf } from './browser';
import { productSession } from './productSession';

// The Contacts screen against the real product: a contact who wrote to the sandbox number, opted
// out with STOP and back in with START is found by search; their profile shows the open 24-hour
// window, the consent with how each change came, and the conversation; an editor tags them.

const { tandem, scenario, shot } = productSession();
const waId = '4917612345678';

describe.sequential('the Contacts screen in a browser', () => {
  it(
    'finds a contact by search, shows their window, consent history and thread, and adds a tag that stays',
    () =>
      scenario(async (page) => {
        await login(page, tandem().url, tandem().email, tandem().password);
        const workspaceId = workspaceIdOf(page);
        const api = await apiAs(tandem().url, tandem().email, tandem().password);
        const contact = async () => (await api(endpoints.listContacts, { params: { workspaceId }, query: { search: waId } })).contacts[0];

        // Customers imported from the shop, and one who writes, opts out with STOP and opts in again with START.
        const csv = [
          'phone,first_name,last_name,email,tags,marketing_consent',
          '+44 7700 900123,Ben,Smith,ben@example.com,newsletter|london,yes',
          '+33 6 12 34 56 78,Chloé,Martin,chloe@example.fr,vip,no',
          '+1 650 555 0199,Dev,Patel,dev@example.com,,',
        ].join('\n');
        expect(await api(endpoints.importContacts, { params: { workspaceId }, body: { csv } })).toEqual({ created: 3, updated: 0, errors: [] });
        // They write, opt out with STOP, and opt in again with START (the worker applies each).
        await api(endpoints.simulateMessage, { params: { workspaceId }, body: { waId, text: 'Hello, do you deliver on Sundays?', profileName: 'Ana Lopez' } });
        await expect.poll(async () => (await contact())?.lastInboundAt ?? null, { timeout: 20_000 }).not.toBeNull();
        await api(endpoints.simulateMessage, { params: { workspaceId }, body: { waId, text: 'STOP' } });
        await expect.poll(async () => (await contact())?.marketingConsent, { timeout: 20_000 }).toBe('opted_out');
        await api(endpoints.simulateMessage, { params: { workspaceId }, body: { waId, text: 'START' } });
        await expect.poll(async () => (await contact())?.marketingConsent, { timeout: 20_000 }).toBe('opted_in');
        // Then she leaves a cart: the demo shop's published abandoned-cart journey starts and waits an hour.
        await api(endpoints.simulateEvent, {
          params: { workspaceId },
          body: { waId, name: 'cart.abandoned', payload: { cart: { url: 'https://shop.example/cart/77', items: [{ name: 'Fern' }], total: 39 } } },
        });
        const contactId = (await contact())!.id;
        await expect
          .poll(async () => (await api(endpoints.listRuns, { params: { workspaceId }, query: { contactId } })).runs[0]?.waitingFor ?? null, { timeout: 20_000 })
          .toBe('timer');

        await page.getByTestId('nav-contacts').click();
        await page.getByTestId('contact-list').waitFor();
        await page.getByTestId('contact-search').fill('lopez');
        const rows = page.locator('[data-testid=contact-list] tbody tr');
        await expect.poll(() => rows.count(), { timeout: 10_000 }).toBe(1);
        expect(await rows.first().textContent()).toContain('Agreed to marketing');
        await page.getByTestId('contact-search').fill('');
        await expect.poll(() => rows.count(), { timeout: 10_000 }).toBe(4);
        await shot(page, 'contacts');
        await page.getByTestId('contact-search').fill('lopez');
        await expect.poll(() => rows.count(), { timeout: 10_000 }).toBe(1);
        await rows.first().getByText('Ana Lopez').click();

        await page.getByTestId('contact-name').filter({ hasText: 'Ana Lopez' }).waitFor();
        const window = page.getByTestId('contact-window');
        expect(await window.getAttribute('data-open')).toBe('true');
        expect(await window.textContent()).toMatch(/Open until .+ \(2[34] hours( \d+ minutes?)? left\)/);
        expect(await page.getByTestId('contact-consent-now').textContent()).toBe('Agreed to marketing');
        const history = page.locator('[data-testid=consent-history] li');
        await expect.poll(() => history.count()).toBe(2);
        expect(await history.nth(0).textContent()).toContain('They wrote “START” (before: opted out of marketing)');
        expect(await history.nth(1).textContent()).toContain('They wrote “STOP”');
        const journey = page.getByTestId('contact-runs').locator('tbody tr');
        await journey.first().waitFor();
        expect(await journey.count()).toBe(1);
        expect(await journey.textContent()).toMatch(/Abandoned cart recovery.*Running.*Wait.*1 hour/);
        const thread = page.getByTestId('contact-thread');
        await thread.getByText('Hello, do you deliver on Sundays?').waitFor();
        await thread.getByText('STOP', { exact: true }).waitFor();

        await page.getByTestId('contact-tag-input').fill('sunday_delivery');
        await page.getByTestId('contact-tag-add').click();
        await page.locator('[data-testid=contact-tags] [data-tag="sunday_delivery"]').waitFor();
        await shot(page, 'contact-profile');
        expect((await contact())?.tags).toContain('sunday_delivery');
        await page.reload();
        await page.locator('[data-testid=contact-tags] [data-tag="sunday_delivery"]').waitFor();
      }),
    120_000,
  );
});
