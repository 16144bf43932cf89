// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { endpoints } from '@tandem/shared/api';
import { apiAs } from './tandemServer';
import { login, workspaceIdOf } from './browser';
import { productSession } from './productSession';

// Plain words where a marketer reads, and the inbox a teammate answers in: a run log and a version
// diff in sentences; a handed-over conversation with its contact, unread count, an Arabic message
// right to left, a teammate's reply told apart from the bot's, and what happens after "Back to bot".

const session = productSession();
const { scenario, shot, tandem } = session;

const HOUR = 3_600_000;
const waId = '966500000123';
const arabic = 'مرحبا، أين طلبي؟';

/** "help" → wait → VIP or not → hand over to support → back to bot → end. */
function supportDesk(waitHours: number) {
  return {
    schemaVersion: 1,
    name: 'Support desk',
    settings: {},
    nodes: [
      { id: 'help', type: 'trigger-message', position: { x: 0, y: 0 }, data: { match: 'keywords', keywords: ['help'] } },
      { id: 'pause', type: 'wait', position: { x: 0, y: 150 }, data: { mode: 'duration', duration: { amount: waitHours, unit: 'hours' } } },
      { id: 'vip', type: 'condition', position: { x: 0, y: 300 }, data: { branches: [{ id: 'yes', label: 'VIP', expression: '"vip" in contact.tags' }] } },
      { id: 'desk', type: 'handoff', position: { x: 340, y: 0 }, data: { team: 'support', message: 'A teammate will reply shortly.', timeout: null } },
      { id: 'done', type: 'end', position: { x: 340, y: 200 }, data: { outcome: 'helped' } },
    ],
    edges: [
      { id: 'e1', source: 'help', sourceHandle: 'next', target: 'pause' },
      { id: 'e2', source: 'pause', sourceHandle: 'next', target: 'vip' },
      { id: 'e3', source: 'vip', sourceHandle: 'yes', target: 'desk' },
      { id: 'e4', source: 'vip', sourceHandle: 'else', target: 'desk' },
      { id: 'e5', source: 'desk', sourceHandle: 'resolved', target: 'done' },
    ],
    notes: [],
  };
}

describe.sequential('plain words and the inbox in a browser', () => {
  it(
    'reads a version diff and a run log in sentences, then answers the handoff with the contact beside it and gives it back to the bot',
    () =>
      scenario(async (page) => {
        await login(page, tandem().url, tandem().email, tandem().password);
        const workspaceId = workspaceIdOf(page);
        const api = await apiAs(tandem().url, tandem().email, tandem().password);

        // Two published versions: the wait goes from 1 to 2 hours.
        const flow = await api(endpoints.createFlow, { params: { workspaceId }, body: { document: supportDesk(1) } });
        await api(endpoints.publishFlow, { params: { workspaceId, flowId: flow.id }, body: { note: 'First try' } });
        await api(endpoints.saveDraft, { params: { workspaceId, flowId: flow.id }, body: { document: supportDesk(2) } });
        await api(endpoints.publishFlow, { params: { workspaceId, flowId: flow.id }, body: { note: 'Longer pause' } });

        // A contact asks for help, waits, is handed over, and writes twice more (once in Arabic).
        await api(endpoints.simulateMessage, { params: { workspaceId }, body: { waId, text: 'help', profileName: 'Layla' } });
        const contact = await waitForValue(async () => {
          const found = (await api(endpoints.listContacts, { params: { workspaceId }, query: { limit: 200 } })).contacts.find((c) => c.waId === waId);
          return found && (await api(endpoints.listRuns, { params: { workspaceId }, query: { contactId: found.id } })).runs.length > 0 ? found : undefined;
        });
        await api(endpoints.updateContact, { params: { workspaceId, id: contact.id }, body: { addTags: ['vip'], attributes: { city: 'Riyadh' } } });
        await api(endpoints.advanceClock, { params: { workspaceId }, body: { advanceMs: 2 * HOUR } });
        await waitForValue(async () =>
          (await api(endpoints.listHandoffs, { params: { workspaceId }, query: { status: 'active' } })).handoffs.find((x) => x.contactWaId === waId),
        );
        await api(endpoints.simulateMessage, { params: { workspaceId }, body: { waId, text: arabic } });
        await api(endpoints.simulateMessage, { params: { workspaceId }, body: { waId, text: 'Order A-17' } });

        // The versions say what changed, in a sentence.
        await page.goto(`${tandem().url}/#/w/${encodeURIComponent(workspaceId)}/flows/${encodeURIComponent(flow.id)}`);
        await page.getByRole('button', { name: 'Versions' }).click();
        const newest = page.locator('[data-testid=versions] li[data-version="2"]');
        await newest.getByTestId('version-changes').getByText('“Wait 1 hour” · Wait for: 1 hour → 2 hours').waitFor();
        expect(await newest.getByTestId('version-diff').textContent()).toBe('1 step changed');
        expect(await newest.textContent()).not.toMatch(/~pause/);
        await shot(page, 'version-changes');
        await page.getByRole('button', { name: 'Versions' }).click();

        // A condition cut short says what it expects, and marks where.
        await page.locator('.react-flow__node[data-id="vip"]').click();
        const when = page.locator('.tn-inspector .tn-monaco[data-path="branches.0.expression"]');
        await when.locator('.monaco-editor').click();
        await page.keyboard.press('End');
        await page.keyboard.type(' &&');
        const problem = page.locator('.tn-inspector [data-testid=code-problems] li', { hasText: 'Expected a value after && at column 23' });
        await problem.waitFor();
        expect(await problem.locator('mark').textContent()).toBe('&&');
        await shot(page, 'expression-error');

        // The run log reads as sentences; the technical record is one toggle away.
        await page.getByRole('button', { name: 'Analytics' }).click();
        await page.locator('.react-flow__node[data-id="desk"]').click();
        await page.getByTestId('analytics-node').locator('h3', { hasText: 'Hand over to a person: Team support' }).waitFor();
        await page.getByTestId('run-list').locator('button[data-run]').first().click();
        const log = page.getByTestId('run-log');
        const lines = log.getByTestId('run-steps');
        await lines
          .getByText(/^Started by /)
          .first()
          .waitFor();
        await lines.getByText('Waited 2 hours').waitFor();
        await lines.locator('[data-testid=run-line]', { hasText: 'Left by Next' }).first().waitFor();
        await lines.locator('[data-testid=run-line]', { hasText: 'Left by VIP' }).waitFor();
        expect(await log.getByTestId('run-summary').textContent()).toContain('Now at Hand over to a person');
        expect(await lines.textContent()).not.toMatch(/timer\.fired|effect\.result|left by next/);
        await log.getByTestId('run-details').check();
        await lines
          .getByText(/timer\.fired/)
          .first()
          .waitFor();
        await log.getByTestId('run-details').uncheck();
        await shot(page, 'run-log-words');
        await page.keyboard.press('Escape');

        // The inbox: the count on the link, unread messages on the conversation.
        const navCount = page.getByTestId('nav-inbox-count');
        await navCount.waitFor();
        expect(Number(await navCount.getAttribute('data-count'))).toBeGreaterThanOrEqual(1);
        await page.getByTestId('nav-inbox').click();
        const item = page.locator('[data-testid=handoffs] button[data-handoff]').filter({ hasText: 'Layla' });
        await item.locator('[data-testid=unread][data-count="2"]').waitFor();
        await item.click();
        const conversation = page.getByTestId('conversation');

        // The Arabic message reads right to left.
        const arabicText = conversation.locator('[data-testid=message][data-direction=in] .tn-msg-text', { hasText: arabic });
        await arabicText.waitFor();
        expect(await arabicText.evaluate((el) => getComputedStyle(el).direction)).toBe('rtl');
        expect(
          await conversation
            .locator('[data-testid=message][data-direction=in] .tn-msg-text', { hasText: 'Order A-17' })
            .evaluate((el) => getComputedStyle(el).direction),
        ).toBe('ltr');

        // The contact beside the thread.
        const panel = page.getByTestId('contact-panel');
        await panel.getByText('Layla').waitFor();
        expect(await panel.getByTestId('contact-window').getAttribute('data-open')).toBe('true');
        expect(await panel.getByTestId('contact-tags').textContent()).toContain('vip');
        expect(await panel.getByTestId('contact-attributes').textContent()).toContain('Riyadh');
        await panel.getByTestId('contact-runs').getByText('Support desk').waitFor();
        expect(await panel.getByTestId('contact-profile').getAttribute('href')).toBe(`#/w/${encodeURIComponent(workspaceId)}/contacts/${contact.id}`);

        // A reply typed in Arabic goes right to left in the box; sent, it is the teammate's, not the bot's.
        await conversation.getByTestId('take').click();
        await conversation.getByTestId('take').waitFor({ state: 'detached' });
        const box = conversation.getByTestId('reply-text');
        await box.fill('شكرا، طلبك في الطريق');
        expect(await box.evaluate((el) => getComputedStyle(el).direction)).toBe('rtl');
        await conversation.getByRole('button', { name: 'Send', disabled: false }).waitFor();
        await box.press('Enter');
        const mine = conversation.locator('[data-testid=message][data-author=agent]');
        await mine.getByTestId('message-author').getByText(`${tandem().email} · in the inbox`).waitFor();
        const bot = conversation.locator('[data-testid=message][data-author=bot]').first();
        expect(await bot.getByTestId('message-author').textContent()).toContain('Bot');
        await bot.locator('.tn-msg-meta', { hasText: 'Hand over to a person: Team support' }).waitFor();
        expect(await mine.evaluate((el) => getComputedStyle(el).backgroundColor)).not.toBe(await bot.evaluate((el) => getComputedStyle(el).backgroundColor));
        await page
          .locator('[data-testid=handoffs] button[data-handoff]')
          .filter({ hasText: 'Layla' })
          .locator('[data-testid=unread]')
          .waitFor({ state: 'detached' });
        // The contact answers: one new message again, on the conversation and on the Inbox link.
        await api(endpoints.simulateMessage, { params: { workspaceId }, body: { waId, text: 'شكرا جزيلا' } });
        await page
          .locator('[data-testid=handoffs] button[data-handoff]')
          .filter({ hasText: 'Layla' })
          .locator('[data-testid=unread][data-count="1"]')
          .waitFor();
        await page.locator('[data-testid=nav-inbox-count][data-count="1"]').waitFor();
        await shot(page, 'inbox-contact');

        // Back to bot: the page says where the journey goes on.
        await conversation.getByTestId('release').click();
        const notice = page.getByTestId('release-notice');
        await notice.waitFor();
        expect(await notice.textContent()).toContain('The journey “Support desk” goes on by “Back to bot” with “End: helped”.');
        await waitForValue(async () => {
          const runs = (await api(endpoints.listRuns, { params: { workspaceId }, query: { contactId: contact.id } })).runs;
          return runs.find((r) => r.status === 'completed' && r.outcome === 'helped');
        });
      }),
    150_000,
  );

  it(
    'lists a contact whose journey waits after a Business App reply, and gives it back to the bot with one click',
    () =>
      scenario(async (page) => {
        await login(page, tandem().url, tandem().email, tandem().password);
        const workspaceId = workspaceIdOf(page);
        const api = await apiAs(tandem().url, tandem().email, tandem().password);
        const returns = {
          schemaVersion: 1,
          name: 'Returns',
          settings: { humanReply: { mode: 'until_release' } },
          nodes: [
            { id: 'opened', type: 'trigger-event', position: { x: 0, y: 0 }, data: { event: 'return.opened' } },
            { id: 'later', type: 'wait', position: { x: 0, y: 150 }, data: { mode: 'duration', duration: { amount: 1, unit: 'days' } } },
            { id: 'done', type: 'end', position: { x: 0, y: 300 }, data: {} },
          ],
          edges: [
            { id: 'e1', source: 'opened', sourceHandle: 'next', target: 'later' },
            { id: 'e2', source: 'later', sourceHandle: 'next', target: 'done' },
          ],
          notes: [],
        };
        const flow = await api(endpoints.createFlow, { params: { workspaceId }, body: { document: returns } });
        await api(endpoints.publishFlow, { params: { workspaceId, flowId: flow.id }, body: { note: 'Returns' } });
        const customer = '966500000777';
        await api(endpoints.simulateEvent, { params: { workspaceId }, body: { waId: customer, name: 'return.opened', payload: {} } });
        await waitForValue(async () => {
          const found = (await api(endpoints.listContacts, { params: { workspaceId }, query: { search: customer } })).contacts[0];
          return found && (await api(endpoints.listRuns, { params: { workspaceId }, query: { contactId: found.id } })).runs.length > 0 ? found : undefined;
        });
        await api(endpoints.simulateEcho, { params: { workspaceId }, body: { waId: customer, text: 'Maria here, I will sort the return for you.' } });
        await waitForValue(async () => (await api(endpoints.listContacts, { params: { workspaceId }, query: { pausedBy: 'app' } })).contacts[0]);

        await page.goto(`${tandem().url}/#/w/${encodeURIComponent(workspaceId)}/inbox`);
        const paused = page.getByTestId('paused-contacts');
        const item = paused.locator('li').filter({ hasText: `+${customer}` });
        await item.waitFor();
        expect(await item.textContent()).toContain('“Returns” waits: a person replied from the Business App at');
        await shot(page, 'inbox-paused-by-app');
        await item.getByRole('button', { name: 'Resume automation' }).click();
        await paused.waitFor({ state: 'detached' });
        expect((await api(endpoints.listContacts, { params: { workspaceId }, query: { pausedBy: 'app' } })).total).toBe(0);
      }),
    90_000,
  );
});

/** Polls `read` until it gives a value (the worker runs the journey in the background). */
async function waitForValue<T>(read: () => Promise<T | undefined>, timeoutMs = 20_000): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (value !== undefined) return value;
    if (Date.now() > until) throw new Error('Timed out waiting for the server');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
