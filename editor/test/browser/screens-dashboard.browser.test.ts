// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { endpoints } from '@tandem/shared/api';
import { apiAs } from './tandemServer';
import { login, workspaceIdOf } from './browser';
import { productSession } from './productSession';

// The dashboard a marketer reads, against the real product: a journey with a purchase goal runs
// for a contact who then pays, and the demo shop's abandoned-cart journey starts for another. The
// workspace's tiles and charts show it; one journey shows its funnel; another period and weekly
// points ask again; the CSV export answers the same query as a file.

const { tandem, scenario, shot } = productSession();
const buyer = '4915112345678';
const browser = '4915187654321';

const node = (id: string, type: string, data: Record<string, unknown>, y: number) => ({ id, type, position: { x: 0, y }, data });
const edge = (source: string, target: string) => ({ id: `${source}-${target}`, source, sourceHandle: 'next', target });

/** "size" → which size → a thank-you; a paid order within a week is its conversion. */
const sizeAdvice = {
  schemaVersion: 1,
  name: 'Size advice',
  settings: { goals: [{ name: 'Purchase', kind: 'event', event: 'order.paid', value: 'payload.total', currency: 'payload.currency', windowHours: 168 }] },
  nodes: [
    node('start', 'trigger-message', { match: 'keywords', keywords: ['size'] }, 0),
    node(
      'ask',
      'bot-question',
      { prompt: { kind: 'text', text: 'Which size do you wear?' }, saveTo: { scope: 'vars', name: 'size' }, timeout: { amount: 1, unit: 'hours' } },
      150,
    ),
    node('thanks', 'send-message', { message: { kind: 'text', text: 'Size {{vars.size}} is in stock: shop.example/m' } }, 300),
  ],
  edges: [edge('start', 'ask'), edge('ask', 'thanks')],
  notes: [],
};

describe.sequential('the dashboard in a browser', () => {
  it(
    "shows the period's figures and charts, one journey's funnel, another period, and exports the same figures as CSV",
    () =>
      scenario(async (page) => {
        await login(page, tandem().url, tandem().email, tandem().password);
        const workspaceId = workspaceIdOf(page);
        const api = await apiAs(tandem().url, tandem().email, tandem().password);
        const runsOf = async (waId: string) => {
          const contact = (await api(endpoints.listContacts, { params: { workspaceId }, query: { search: waId } })).contacts[0];
          return contact ? (await api(endpoints.listRuns, { params: { workspaceId }, query: { contactId: contact.id } })).runs : [];
        };

        // A contact asks for size advice, answers, and pays: one conversion worth $49.90.
        const flow = await api(endpoints.createFlow, { params: { workspaceId }, body: { document: sizeAdvice } });
        await api(endpoints.publishFlow, { params: { workspaceId, flowId: flow.id }, body: { note: 'First' } });
        await api(endpoints.simulateMessage, { params: { workspaceId }, body: { waId: buyer, text: 'size', profileName: 'Mia' } });
        await expect.poll(async () => (await runsOf(buyer))[0]?.waitingFor ?? null, { timeout: 20_000 }).toBe('reply');
        await api(endpoints.simulateMessage, { params: { workspaceId }, body: { waId: buyer, text: 'M' } });
        await expect.poll(async () => (await runsOf(buyer))[0]?.status, { timeout: 20_000 }).toBe('completed');
        await api(endpoints.simulateEvent, { params: { workspaceId }, body: { waId: buyer, name: 'order.paid', payload: { total: 49.9, currency: 'USD' } } });
        await expect
          .poll(async () => (await api(endpoints.flowAnalytics, { params: { workspaceId, flowId: flow.id }, query: {} })).conversions.count, {
            timeout: 20_000,
          })
          .toBe(1);
        // Another leaves a cart: the demo shop's abandoned-cart journey starts and waits.
        await api(endpoints.simulateEvent, {
          params: { workspaceId },
          body: { waId: browser, name: 'cart.abandoned', payload: { cart: { url: 'https://shop.example/cart/9', items: [{ name: 'Fern' }], total: 39 } } },
        });
        await expect.poll(async () => (await runsOf(browser))[0]?.waitingFor ?? null, { timeout: 20_000 }).toBe('timer');

        // The workspace over the last 30 days.
        await page.getByTestId('nav-dashboard').click();
        const content = page.getByTestId('dashboard-content');
        await content.waitFor();
        expect(await content.getAttribute('data-flow')).toBe('');
        expect(await page.getByTestId('tile-runs').textContent()).toContain('Runs started2');
        expect(await page.getByTestId('tile-conversions').textContent()).toContain('Conversions1');
        expect(await page.getByTestId('tile-revenue').textContent()).toContain('$49.90');
        expect(await page.getByTestId('tile-revenuePerRun').textContent()).toContain('$24.95');
        expect(await page.getByTestId('tile-handoffs').textContent()).toContain('Handoffs0');
        const handleTime = page.getByTestId('tile-handleTime');
        expect(await handleTime.textContent()).toContain('—');
        expect(await handleTime.getAttribute('title')).toBe('No handoff was released in this period');
        for (const chart of ['chart-conversions', 'chart-money', 'chart-messages', 'chart-credit'])
          await page.getByTestId(chart).locator('svg.recharts-surface').first().waitFor();
        // The conversion's bar is drawn: one bucket has a rectangle.
        expect(await page.getByTestId('chart-conversions').locator('.recharts-bar-rectangle path').count()).toBeGreaterThan(0);
        const lines = page.locator('[data-testid=dashboard-flows] tbody tr');
        expect(await lines.count()).toBe(2);
        expect(await page.locator(`[data-testid=dashboard-flows] tr[data-flow="${flow.id}"]`).textContent()).toMatch(/Size advice11100%\$49\.90/);
        // The goals' table: the purchase, its revenue and cost per conversion.
        const purchase = page.locator('[data-testid=dashboard-goals] tr[data-goal="Purchase"]');
        expect(await purchase.locator('th').textContent()).toBe('Purchase');
        expect(await purchase.textContent()).toContain('$49.90');
        await shot(page, 'dashboard');

        // One journey: its funnel, step by step.
        await page.getByTestId('dashboard-flow').selectOption(flow.id);
        await page.locator(`[data-testid=dashboard-content][data-flow="${flow.id}"]`).waitFor();
        const funnel = page.getByTestId('chart-funnel');
        await funnel.locator('svg.recharts-surface').waitFor();
        // Untitled steps go by their type's label, numbered from the trigger.
        for (const step of ['1. Message received', '2. Ask a question', '3. Send message']) await funnel.locator('text', { hasText: step }).waitFor();
        expect(await funnel.locator('.recharts-bar-rectangle').count()).toBe(3);
        expect(await page.getByTestId('tile-runs').textContent()).toContain('Runs started1');
        await funnel.scrollIntoViewIfNeeded();
        await shot(page, 'dashboard-funnel');

        // The last 7 days, in weeks: asked again, the same conversion.
        await page.getByTestId('dashboard-period').selectOption('7');
        await page.getByTestId('dashboard-bucket-week').check();
        await page.locator('[data-testid=dashboard-content][data-bucket="week"]').waitFor();
        await page.locator('[data-testid=dashboard-content][aria-busy="false"]').waitFor();
        expect(await page.getByTestId('tile-conversions').textContent()).toContain('Conversions1');

        // The CSV export: the same query, as text/csv with a row per week, a totals row and a row per goal.
        const href = (await page.getByTestId('dashboard-csv').getAttribute('href'))!;
        const query = Object.fromEntries(new URL(href, tandem().url).searchParams);
        expect(query).toMatchObject({ bucket: 'week', flowId: flow.id });
        expect(Date.parse(query.to!) - Date.parse(query.from!)).toBe(7 * 86_400_000 - 1);
        const csv = await page.evaluate(async (url) => {
          const r = await fetch(url);
          return { status: r.status, type: r.headers.get('content-type'), text: await r.text() };
        }, href);
        expect(csv.status).toBe(200);
        expect(csv.type).toContain('text/csv');
        const rows = csv.text.trim().split(/\r?\n/);
        expect(rows[0]).toBe('at,runs_started,conversions,revenue,cost,sent,read,replied');
        expect(rows.at(-2)).toMatch(/^total,1,1,49\.9,/);
        expect(rows.at(-1)).toMatch(/^goal:Purchase,1,1,49\.9,/);

        // A custom period before anything happened: nothing ran.
        await page.getByTestId('dashboard-period').selectOption('custom');
        await page.getByTestId('dashboard-from').fill('2020-01-01');
        await page.getByTestId('dashboard-to').fill('2020-01-31');
        await page.getByTestId('dashboard-empty').filter({ hasText: 'No journeys ran in this period' }).waitFor();
      }),
    120_000,
  );
});
