// @vitest-environment node
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { endpoints } from '@tandem/shared/api';
import { generateFlow } from '../../../engine/bench/generateFlow';
import { apiAs } from './tandemServer';
import { canvasDriver, login, workspaceIdOf } from './browser';
import { productSession } from './productSession';

// The canvas as a marketer uses it, in a real browser against the real product: the brief's
// abandoned-cart journey built with "+" and the keyboard, a large flow opened at a readable zoom,
// the Problems panel collapsed, a step found by search, a flow started from an example.

const { tandem: product, scenario, shot } = productSession();

const flowIdOf = (page: Page) => decodeURIComponent(/\/flows\/([^/?#]+)/.exec(page.url())![1]!);

/** Whether any two boxes overlap. */
function overlapping(boxes: { id: string; x: number; y: number; width: number; height: number }[]): string[] {
  return boxes.flatMap((a, i) =>
    boxes.slice(i + 1).flatMap((b) => (a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height ? [`${a.id}/${b.id}`] : [])),
  );
}

describe.sequential('the canvas in a browser', () => {
  it(
    'builds the abandoned-cart journey with "+" and the keyboard: each step lands beside the last, connected, nothing overlaps; tried from the draft in the simulator to the handoff, then published',
    () =>
      scenario(async (page) => {
        const c = canvasDriver(page);
        await login(page, product().url, product().email, product().password);
        await page.getByTestId('new-flow').click();
        await page.getByTestId('new-flow-name').fill('Cart rescue');
        await page.getByTestId('create-flow').click();
        await page.getByTestId('flow-name').filter({ hasText: 'Cart rescue' }).waitFor();
        // An empty flow: its Problems panel is a slim bar.
        expect((await page.getByTestId('problems').boundingBox())!.height).toBeLessThan(40);

        // The empty canvas offers its first step: the trigger.
        await page.getByTestId('add-first-step').click();
        await c.pickStep('business event', 'trigger_event_1');
        const trigger = 'trigger_event_1';

        // "+" on the trigger's output: the picker, searched by name; the template lands to the right, connected.
        await c.node(trigger).hover();
        await c.node(trigger).locator('[data-add-after="next"]').click();
        const picker = page.getByTestId('step-picker');
        await picker.getByTestId('step-picker-search').fill('templ');
        await picker.locator('[data-pick][aria-selected="true"]').waitFor();
        await shot(page, 'step-picker');
        await page.keyboard.press('Enter');
        await picker.waitFor({ state: 'detached' });
        const template = 'send_template_1';
        await c.node(template).waitFor();
        await page.getByTestId('template-picker').locator('select').selectOption('cart_reminder|en');
        await c.typeCode('body.0.value', 'Anna');
        await c.typeCode('body.1.value', 'your items');
        await c.node(template).getByText('cart_reminder').waitFor();

        // The keyboard: with the template selected, Tab opens the picker for its first free output.
        await c.node(template).click();
        await page.keyboard.press('Tab');
        await c.pickStep('question', 'bot_question_1');
        const question = 'bot_question_1';
        // It listens to the reply to the template (its buttons) instead of asking anything.
        await page.locator('.tn-inspector select[data-path="prompt.kind"]').selectOption('none');
        await c.node(question).click();
        await page.keyboard.press('Tab');
        // The picker's list moves with the arrow keys; Enter adds the highlighted step.
        await page.getByTestId('step-picker-search').fill('wait');
        await page.keyboard.press('Enter');
        await page.getByTestId('step-picker').waitFor({ state: 'detached' });
        const wait = 'wait_1';
        await c.node(wait).waitFor();
        await c.node(wait).click();
        await page.keyboard.press('Tab');
        await c.pickStep('person', 'handoff_1');
        const handoff = 'handoff_1';

        // The arrow keys follow the connections back to the trigger and forward again.
        await c.node(handoff).click();
        for (const expected of [wait, question, template, trigger]) {
          await page.keyboard.press('ArrowLeft');
          await c.node(expected).locator('.tn-node.tn-selected').waitFor();
        }
        await page.keyboard.press('ArrowRight');
        await c.node(template).locator('.tn-node.tn-selected').waitFor();

        // A connection let go over empty canvas offers the picker there: the question's "Invalid" goes to a new End.
        await page.locator('.react-flow__controls-fitview').click();
        await c.node(trigger).waitFor();
        const canvasBox = (await c.canvas.boundingBox())!;
        const questionBox = (await c.node(question).boundingBox())!;
        await c.dragOutput(question, 'invalid', {
          x: questionBox.x + questionBox.width + 60,
          y: Math.min(questionBox.y + questionBox.height + 160, canvasBox.y + canvasBox.height - 60),
        });
        await c.pickStep('end', 'end_1');
        // Let go over a step's body, a connection goes into that step: the handoff's "No one took it" ends there too.
        await c.node(handoff).hover();
        const ports = await c
          .node(handoff)
          .locator('.react-flow__handle.source')
          .evaluateAll((els) => els.map((el) => el.getAttribute('data-handleid')));
        const spare = ports.find((p) => p !== 'next' && p !== 'resolved')!;
        const endBox = (await c.node('end_1').boundingBox())!;
        await c.dragOutput(handoff, spare, { x: endBox.x + endBox.width / 2, y: endBox.y + endBox.height / 2 });

        await page
          .getByTestId('save-state')
          .filter({ hasText: /^Saved$/ })
          .waitFor();
        const api = await apiAs(product().url, product().email, product().password);
        await expect
          .poll(async () => {
            const flow = await api(endpoints.getFlow, { params: { workspaceId: workspaceIdOf(page), flowId: flowIdOf(page) } });
            return (flow.draft.edges as { source: string; sourceHandle: string; target: string }[])
              .map((e) => `${e.source}.${e.sourceHandle}→${e.target}`)
              .sort();
          })
          .toEqual(
            [
              `${trigger}.next→${template}`,
              `${template}.next→${question}`,
              `${question}.next→${wait}`,
              `${wait}.next→${handoff}`,
              `${question}.invalid→end_1`,
              `${handoff}.${spare}→end_1`,
            ].sort(),
          );

        // Laid out as it was built: left to right, nothing on top of anything.
        const boxes = await c.stepBoxes();
        expect(overlapping(boxes)).toEqual([]);
        const x = (id: string) => boxes.find((b) => b.id === id)!.x;
        expect(x(trigger)).toBeLessThan(x(template));
        expect(x(template)).toBeLessThan(x(question));
        expect(x(question)).toBeLessThan(x(wait));
        expect(x(wait)).toBeLessThan(x(handoff));
        // Every connection is drawn with its arrowhead.
        expect(await page.locator('.react-flow__edge path[marker-end]').count()).toBeGreaterThanOrEqual(6);
        await page.locator('.react-flow__controls-fitview').click();
        await c.node(template).click();
        await shot(page, 'canvas-journey');

        // A selected connection is highlighted and has a button that removes it.
        const invalid = page.locator(`.react-flow__edge[aria-label="Edge from ${question} to end_1"]`);
        // The label is drawn over the line: a click on it selects the connection (Playwright never finds the SVG label "stable", so the click is forced at its place).
        await invalid.locator('.react-flow__edge-text').click({ force: true });
        await page.locator('.react-flow__edge.selected').waitFor();
        await page.getByTestId('remove-connection').click();
        await invalid.waitFor({ state: 'detached' });
        expect(await page.locator('.react-flow__edge').count()).toBe(5);

        // Tried from the draft in the simulator, before it is published: the event, the template, the answer, the wait, the handoff.
        await page.getByRole('button', { name: 'Simulator' }).click();
        const sim = page.getByRole('region', { name: 'Simulator' });
        await sim.getByTestId('test-draft').click();
        await sim.getByTestId('draft-test').filter({ hasText: 'Testing the draft' }).waitFor();
        await sim.getByLabel('Event name').fill('cart.abandoned');
        await sim.getByRole('button', { name: 'Fire event' }).click();
        await sim.locator('[data-testid=message][data-kind=template]').waitFor();
        await sim.locator(`[data-testid=sim-run][data-node="${question}"]`).waitFor();
        await sim.getByTestId('sim-text').fill('anna@example.com');
        await sim.getByTestId('sim-send').click();
        await sim.locator(`[data-testid=sim-run][data-node="${wait}"][data-waiting="timer"]`).waitFor();
        await sim.getByRole('button', { name: '+1 h' }).click();
        await sim.locator(`[data-testid=sim-run][data-node="${handoff}"][data-waiting="person"]`).waitFor();
        await sim.locator('[data-testid=message]').filter({ hasText: 'A teammate will reply shortly.' }).waitFor();
        await c.node(handoff).locator('[data-current="active"]').waitFor();
        expect(await page.getByTestId('live-version').textContent()).toBe('Not published');

        // Then published: contacts get it, and the sandbox runs the live version again.
        await page.getByRole('button', { name: 'Publish' }).click();
        await page.getByTestId('publish-note').fill('Cart rescue');
        await page.getByTestId('publish-confirm').click();
        await page.getByTestId('live-version').filter({ hasText: 'Live: v1' }).waitFor();
        await page.getByRole('button', { name: 'Simulator' }).click();
        await page.getByRole('region', { name: 'Simulator' }).getByTestId('draft-test').filter({ hasText: 'The sandbox runs version 1.' }).waitFor();
        // The editor remembers the open panel: leave it on the settings for the next scenarios.
        await page.getByRole('button', { name: 'Simulator' }).click();
        await page.getByRole('region', { name: 'Simulator' }).waitFor({ state: 'detached' });
      }),
    120_000,
  );

  it(
    'opens a 120-step flow at a readable zoom with the trigger at the left; auto-layout makes it fit; a step is found by search',
    () =>
      scenario(async (page) => {
        const c = canvasDriver(page);
        const api = await apiAs(product().url, product().email, product().password);
        const demo = (await api(endpoints.listWorkspaces)).workspaces.find((w) => w.name === 'Demo shop')!;
        // Spread on a grid as the load benchmark does (the generator puts every step on one line).
        const generated = generateFlow(120);
        const big = {
          ...generated,
          nodes: (generated.nodes as Record<string, unknown>[]).map((n, i) => ({ ...n, position: { x: (i % 25) * 320, y: Math.floor(i / 25) * 220 } })),
        };
        const created = await api(endpoints.createFlow, { params: { workspaceId: demo.id }, body: { name: 'Big journey', document: big } });
        await login(page, product().url, product().email, product().password);
        await page.goto(`${product().url}/#/w/${encodeURIComponent(demo.id)}/flows/${encodeURIComponent(created.id)}`);
        await page.getByTestId('flow-name').filter({ hasText: 'Big journey' }).waitFor();
        await c.node('start').waitFor();

        expect(await c.zoom()).toBeGreaterThanOrEqual(0.6);
        const canvasBox = (await c.canvas.boundingBox())!;
        const start = (await c.node('start').boundingBox())!;
        expect(start.x).toBeGreaterThanOrEqual(canvasBox.x);
        expect(start.x).toBeLessThan(canvasBox.x + canvasBox.width / 3);
        expect(start.y).toBeGreaterThanOrEqual(canvasBox.y);
        expect(start.y + start.height).toBeLessThanOrEqual(canvasBox.y + canvasBox.height);
        await shot(page, 'canvas-large-flow');

        // The Problems panel: a bar with the counts, opened and closed by a click.
        const toggle = page.getByTestId('problems-toggle');
        await c.checksSettled();
        if ((await toggle.getAttribute('aria-expanded')) === 'true') await toggle.click();
        await page.locator('[data-problem]').first().waitFor({ state: 'detached' });
        expect((await page.getByTestId('problems').boundingBox())!.height).toBeLessThan(40);
        await toggle.click();
        await page.locator('[data-problem]').first().waitFor();
        await toggle.click();
        await page.locator('[data-problem]').first().waitFor({ state: 'detached' });

        // Auto-layout wraps the journey into bands that Fit View shows whole.
        await page.getByRole('button', { name: 'Auto-layout' }).click();
        await page.locator('.react-flow__controls-fitview').click();
        // One long row of this journey would need a zoom of about 0.03 to fit; the bands fit at 0.08–0.11 depending on the panels open.
        await expect.poll(() => c.zoom()).toBeGreaterThan(0.06);
        await page.waitForFunction(() => {
          const pane = document.querySelector('[data-testid=canvas]')!.getBoundingClientRect();
          const nodes = [...document.querySelectorAll('.react-flow__node')].map((n) => n.getBoundingClientRect());
          return (
            nodes.length > 100 &&
            nodes.every((r) => r.left >= pane.left - 1 && r.right <= pane.right + 1 && r.top >= pane.top - 1 && r.bottom <= pane.bottom + 1)
          );
        });
        expect(overlapping(await c.stepBoxes())).toEqual([]);

        // Ctrl+F on the canvas finds a step by its text; Enter selects it and brings it into view.
        await c.canvas.locator('.react-flow__pane').click({ position: { x: 5, y: canvasBox.height - 5 } });
        await page.keyboard.press('Control+f');
        await page.getByTestId('step-search').waitFor();
        expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('step-search');
        await page.keyboard.type('Question 7 for');
        await page.getByTestId('step-search-count').filter({ hasText: '1 found' }).waitFor();
        await page.keyboard.press('Enter');
        await c.node('q7').locator('.tn-node.tn-selected').waitFor();
        await page.getByRole('region', { name: 'Ask a question settings' }).waitFor();
      }),
    120_000,
  );

  it(
    'starts a new flow from an example journey, opened ready to edit',
    () =>
      scenario(async (page) => {
        const c = canvasDriver(page);
        await login(page, product().url, product().email, product().password);
        await page.getByTestId('new-flow').click();
        const starters = page.getByTestId('starters');
        await starters.locator('[data-starter="blank"]').waitFor();
        await starters.locator('[data-starter="order-updates"]').getByText('when it ships').waitFor();
        await starters.locator('[data-starter="order-updates"]').click();
        await shot(page, 'new-flow-starters');
        await page.getByTestId('create-flow').click();
        await page.getByTestId('flow-name').filter({ hasText: 'Order updates' }).waitFor();
        // It opens at a readable zoom on its trigger; Fit View shows all of it.
        await c.node('order_placed').waitFor();
        expect(await c.zoom()).toBeGreaterThanOrEqual(0.6);
        await page.locator('.react-flow__controls-fitview').click();
        await expect.poll(() => page.locator('.react-flow__node').count()).toBeGreaterThan(5);
      }),
    60_000,
  );
});
