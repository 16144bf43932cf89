// @vitest-environment node
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { endpoints } from '@tandem/shared/api';
import { canvasDriver, login } from './browser';
import { productSession } from './productSession';
import { apiAs } from './tandemServer';

// A journey's goal as a marketer sets it up, in a real browser against the real product: a
// purchase goal reported to Meta and an exit in the flow settings, shown on the canvas, saved in
// the draft and published; the goal reached in the sandbox shows in the Conversions API log of the
// workspace settings, where the dataset id is saved and kept.

const session = productSession();

/** Keyword "order" → a thank-you → a day's wait → the end, so the run is still in the journey when the shop's events arrive. */
const orderFlow = {
  schemaVersion: 1,
  name: 'Order follow-up',
  settings: {},
  nodes: [
    { id: 'ask', type: 'trigger-message', position: { x: 0, y: 0 }, data: { match: 'keywords', keywords: ['order'] } },
    { id: 'thanks', type: 'send-message', position: { x: 320, y: 0 }, data: { message: { kind: 'text', text: 'Thanks! Pay when you are ready.' } } },
    { id: 'later', type: 'wait', position: { x: 640, y: 0 }, data: { mode: 'duration', duration: { amount: 1, unit: 'days' } } },
    { id: 'done', type: 'end', position: { x: 960, y: 0 }, data: { outcome: '' } },
  ],
  edges: [
    { id: 'e1', source: 'ask', sourceHandle: 'next', target: 'thanks' },
    { id: 'e2', source: 'thanks', sourceHandle: 'next', target: 'later' },
    { id: 'e3', source: 'later', sourceHandle: 'next', target: 'done' },
  ],
};

const field = (page: Page, path: string) => page.locator(`.tn-inspector [data-path="${path}"]`);

describe.sequential('goals and ad conversions in a browser', () => {
  it(
    'adds a purchase goal reported to Meta and an exit in the flow settings: the canvas says them, the draft keeps them, and the goal reached shows in the reports',
    () =>
      session.scenario(async (page) => {
        const tandem = session.tandem();
        const c = canvasDriver(page);
        const api = await apiAs(tandem.url, tandem.email, tandem.password);
        const shop = await api(endpoints.createWorkspace, { body: { name: 'Goal shop', transport: 'sandbox' } });
        const params = { workspaceId: shop.id };
        const flow = await api(endpoints.createFlow, { params, body: { document: orderFlow } });
        const flowUrl = `${tandem.url}/#/w/${encodeURIComponent(shop.id)}/flows/${encodeURIComponent(flow.id)}`;

        await login(page, tandem.url, tandem.email, tandem.password);
        await page.goto(flowUrl);
        // Nothing selected: the side panel shows the flow's settings; no goal yet, no chip.
        const settings = page.getByRole('region', { name: 'Flow settings' });
        await settings.waitFor();
        expect(await page.getByTestId('goals-chip').count()).toBe(0);

        await settings.locator('[data-group="settings.goals"] .tn-add').click();
        await field(page, 'settings.goals.0.name').fill('Purchase');
        await field(page, 'settings.goals.0.event').fill('order.paid');
        await c.typeCode('settings.goals.0.value', 'payload.total');
        await field(page, 'settings.goals.0.currency').fill('payload.currency');
        await field(page, 'settings.goals.0.report').selectOption('Purchase');
        await settings.locator('[data-group="settings.exits"] .tn-add').click();
        await field(page, 'settings.exits.0.event').fill('order.cancelled');

        const chip = page.getByTestId('goals-chip');
        await chip.filter({ hasText: 'Goal: order.paid within 7 days · Exit: order.cancelled' }).waitFor();
        expect(await chip.textContent()).toBe('Goal: order.paid within 7 days · Exit: order.cancelled');
        await page
          .getByTestId('save-state')
          .filter({ hasText: /^Saved$/ })
          .waitFor();
        const expectedGoal = { name: 'Purchase', kind: 'event', event: 'order.paid', value: 'payload.total', currency: 'payload.currency', report: 'Purchase' };
        await expect
          .poll(async () => (await api(endpoints.getFlow, { params: { ...params, flowId: flow.id } })).draft.settings)
          .toMatchObject({ goals: [expectedGoal], exits: [{ kind: 'event', event: 'order.cancelled' }] });
        await session.shot(page, 'flow-goals');

        await page.getByRole('button', { name: 'Publish' }).click();
        await page.getByTestId('publish-note').fill('Purchase goal');
        await page.getByTestId('publish-confirm').click();
        await page.getByTestId('live-version').filter({ hasText: 'Live: v1' }).waitFor();

        // After a reload the draft still has them; the chip opens the settings from a selected step.
        await page.reload();
        await chip.filter({ hasText: 'Goal: order.paid within 7 days · Exit: order.cancelled' }).waitFor();
        await c.node('thanks').click();
        await settings.waitFor({ state: 'detached' });
        await chip.click();
        await settings.waitFor();
        expect(await field(page, 'settings.goals.0.name').inputValue()).toBe('Purchase');
        expect(await field(page, 'settings.goals.0.event').inputValue()).toBe('order.paid');
        expect(await field(page, 'settings.goals.0.report').inputValue()).toBe('Purchase');
        expect(await field(page, 'settings.exits.0.event').inputValue()).toBe('order.cancelled');

        // A contact from an ad orders and pays: the goal is reached and reported, which a sandbox only logs.
        const waId = '4915112345678';
        await api(endpoints.simulateMessage, { params, body: { waId, text: 'order', profileName: 'Anna', adId: '120210000000001' } });
        await expect
          .poll(async () => {
            const thread = await api(endpoints.simulatorThread, { params, query: { waId } });
            return JSON.stringify(thread).includes('Thanks! Pay when you are ready.');
          })
          .toBe(true);
        await api(endpoints.simulateEvent, { params, body: { waId, name: 'order.paid', payload: { total: 40, currency: 'EUR' } } });
        await expect
          .poll(async () => (await api(endpoints.listConversionReports, { params, query: {} })).reports.map((r) => [r.eventName, r.status, r.error]))
          .toEqual([['Purchase', 'skipped', { reason: 'sandbox' }]]);

        await page.goto(`${tandem.url}/#/w/${encodeURIComponent(shop.id)}/settings`);
        const section = page.getByTestId('conversions-api');
        await section.getByText('Recent reports').click();
        const report = section.locator('tr[data-status="skipped"]');
        await report.waitFor();
        const cells = await report.locator('td').allTextContents();
        expect(cells.slice(1)).toEqual(['Purchase', 'Anna', 'Order follow-up', '€40.00', 'Skipped', 'Sandbox workspace: nothing is sent to Meta']);
        await section.scrollIntoViewIfNeeded();
        await session.shot(page, 'settings-conversion-reports');
      }),
    120_000,
  );

  it(
    'saves the dataset id ad conversions are reported to, refuses one that is not a dataset id, and keeps it after a reload',
    () =>
      session.scenario(async (page) => {
        const tandem = session.tandem();
        const api = await apiAs(tandem.url, tandem.email, tandem.password);
        const shop = await api(endpoints.createWorkspace, { body: { name: 'Dataset shop', transport: 'sandbox' } });
        await login(page, tandem.url, tandem.email, tandem.password);
        await page.goto(`${tandem.url}/#/w/${encodeURIComponent(shop.id)}/settings`);
        const section = page.getByTestId('conversions-api');
        await section.waitFor();
        expect(await section.textContent()).toContain(
          "When a contact who came from a Click-to-WhatsApp ad becomes a lead or buys, Tandem tells Meta so the ad's results show it.",
        );

        await page.getByTestId('capi-dataset').fill('act_12345');
        await page.getByTestId('capi-save').click();
        expect(await page.getByTestId('capi-dataset-error').textContent()).toBe(
          'The dataset id is the number Meta shows for the WhatsApp Business Account’s dataset',
        );
        await page.getByTestId('capi-dataset').fill('1234567890123456');
        await page.getByTestId('capi-save').click();
        await page.getByTestId('capi-saved').waitFor();
        expect((await api(endpoints.getWorkspace, { params: { workspaceId: shop.id } })).settings.conversionsApi).toEqual({ datasetId: '1234567890123456' });

        await page.reload();
        await section.waitFor();
        expect(await page.getByTestId('capi-dataset').inputValue()).toBe('1234567890123456');
        // With a dataset set, the reports are open: none yet.
        await page.getByTestId('capi-empty').filter({ hasText: 'No conversions reported yet' }).waitFor();
        await page.getByTestId('capi-status').selectOption('failed');
        await page.getByTestId('capi-empty').filter({ hasText: 'No failed reports' }).waitFor();
        await section.scrollIntoViewIfNeeded();
        await session.shot(page, 'settings-conversions-api');

        await page.getByTestId('capi-remove').click();
        await page.getByTestId('capi-saved').filter({ hasText: 'Removed.' }).waitFor();
        await page.reload();
        await section.waitFor();
        expect(await page.getByTestId('capi-dataset').inputValue()).toBe('');
      }),
    120_000,
  );
});
