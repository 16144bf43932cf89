// @vitest-environment node
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { endpoints } from '@tandem/shared/api';
import { login } from './browser';
import { productSession } from './productSession';
import { apiAs } from './tandemServer';

// Draft against live, as a marketer meets it: the draft says it has unpublished changes and what
// they are; the simulator tests the draft without publishing; the canvas marks where the test
// contact is only when it shows the version the contact is in.

const session = productSession();

const menu = (today: string) => ({
  schemaVersion: 1,
  name: 'Daily menu',
  settings: {},
  nodes: [
    { id: 'ask', type: 'trigger-message', position: { x: 0, y: 0 }, data: { match: 'keywords', keywords: ['menu'] } },
    { id: 'today', type: 'send-message', position: { x: 320, y: 0 }, data: { message: { kind: 'text', text: today } } },
    { id: 'later', type: 'wait', position: { x: 640, y: 0 }, data: { mode: 'duration', duration: { amount: 1, unit: 'hours' } } },
    { id: 'bye', type: 'send-message', position: { x: 960, y: 0 }, data: { message: { kind: 'text', text: 'Enjoy your meal!' } } },
  ],
  edges: [
    { id: 'e1', source: 'ask', sourceHandle: 'next', target: 'today' },
    { id: 'e2', source: 'today', sourceHandle: 'next', target: 'later' },
    { id: 'e3', source: 'later', sourceHandle: 'next', target: 'bye' },
  ],
});

async function say(page: Page, text: string) {
  const sim = page.getByRole('region', { name: 'Simulator' });
  await sim.getByTestId('sim-text').fill(text);
  await sim.getByTestId('sim-send').click();
}

describe.sequential('draft and live in a browser', () => {
  it(
    'shows the unpublished changes, tests the draft in the simulator without publishing, and draws a run only on its own version',
    () =>
      session.scenario(async (page) => {
        const tandem = session.tandem();
        const api = await apiAs(tandem.url, tandem.email, tandem.password);
        const cafe = await api(endpoints.createWorkspace, { body: { name: 'Draft Café', transport: 'sandbox' } });
        const params = { workspaceId: cafe.id };
        const created = await api(endpoints.createFlow, { params, body: { document: menu('Today: tomato soup') } });
        await api(endpoints.publishFlow, { params: { ...params, flowId: created.id }, body: { note: 'Soup' } });
        await api(endpoints.saveDraft, { params: { ...params, flowId: created.id }, body: { document: menu('Today: fresh pasta') } });

        await login(page, tandem.url, tandem.email, tandem.password);
        await page.goto(`${tandem.url}/#/w/${encodeURIComponent(cafe.id)}/flows/${encodeURIComponent(created.id)}`);
        await page.getByTestId('live-version').filter({ hasText: 'Live: v1' }).waitFor();

        // The draft says it differs from what contacts get, and how.
        await page.getByTestId('unpublished-changes').click();
        const list = page.getByTestId('unpublished-list');
        expect(await list.textContent()).toContain('Contacts still get version 1.');
        expect(await list.textContent()).toContain('Message › Text: “Today: tomato soup” → “Today: fresh pasta”');
        await session.shot(page, 'unpublished-changes');
        await page.getByTestId('unpublished-changes').click();

        // The simulator tests the draft, not version 1, without publishing it.
        await page.getByRole('button', { name: 'Simulator' }).click();
        const sim = page.getByRole('region', { name: 'Simulator' });
        expect(await sim.getByTestId('draft-test').textContent()).toContain('The draft has unpublished changes: test them here without publishing.');
        await sim.getByTestId('test-draft').click();
        await sim.getByTestId('draft-test').filter({ hasText: 'Testing the draft' }).waitFor();
        await say(page, 'menu');
        await sim.locator('[data-testid=message]').filter({ hasText: 'Today: fresh pasta' }).waitFor();
        await sim.locator('[data-testid=sim-run][data-node="later"][data-waiting="timer"]').filter({ hasText: 'Draft test' }).waitFor();
        // The canvas shows the draft, which the contact is in: its place is marked.
        await page.locator('.react-flow__node[data-id="later"] [data-current="active"]').waitFor();
        await session.shot(page, 'simulator-draft-test');
        expect(await page.getByTestId('live-version').textContent()).toBe('Live: v1');

        // Back to version 1: a new conversation meets the published soup; the draft canvas does not draw that run.
        await sim.getByTestId('stop-draft-test').click();
        await sim.getByTestId('draft-test').filter({ hasText: 'The sandbox runs version 1.' }).waitFor();
        await sim.getByTestId('sim-reset').click();
        await sim.locator('[data-testid=sim-run][data-status=none]').waitFor();
        await say(page, 'menu');
        await sim.locator('[data-testid=message]').filter({ hasText: 'Today: tomato soup' }).waitFor();
        await sim.locator('[data-testid=sim-run][data-node="later"]').filter({ hasText: 'v1' }).waitFor();
        expect(await sim.getByTestId('sim-run-elsewhere').textContent()).toContain('The contact is in version 1, not what this canvas shows');
        expect(await page.locator('[data-current]').count()).toBe(0);

        // On version 1's own page, the run is drawn.
        await page.goto(`${tandem.url}/#/w/${encodeURIComponent(cafe.id)}/flows/${encodeURIComponent(created.id)}/v/1`);
        await page.getByTestId('read-only-banner').waitFor();
        await page.getByRole('button', { name: 'Simulator' }).click();
        await page.locator('.react-flow__node[data-id="later"] [data-current="active"]').waitFor();
      }),
    120_000,
  );
});
