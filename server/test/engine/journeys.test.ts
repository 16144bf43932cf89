import { createServer, type Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { example, startEngineHarness, waitFor, type EngineHarness } from '../support/engineHarness';

const HOUR = 3_600_000;
const strip = (h: EngineHarness) => h.sent().map(({ body: _b, ...s }) => s);

describe('appointment booking with T-24 and T-2 reminders, on an injected clock', () => {
  let h: EngineHarness;
  let booking: Server;
  let bookedFor: Date;
  const requests: unknown[] = [];

  beforeAll(async () => {
    h = await startEngineHarness({ workspace: { settings: { allowPrivateNetworks: true } } });
    booking = createServer((req, res) => {
      let body = '';
      req.on('data', (c) => (body += c));
      req.on('end', () => {
        requests.push(JSON.parse(body));
        res.writeHead(201, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ appointment: { starts_at: bookedFor.toISOString(), label: 'Thursday 10:00' } }));
      });
    });
    await new Promise<void>((r) => booking.listen(0, '127.0.0.1', r));
    const port = (booking.address() as { port: number }).port;
    const doc = example('appointment-booking');
    const book = (doc.nodes as { id: string; data: Record<string, unknown> }[]).find((n) => n.id === 'book')!;
    book.data.url = `http://127.0.0.1:${port}/api/appointments`;
    await h.publish(doc);
  });
  afterAll(async () => {
    booking?.close();
    await h?.close();
  });

  it('books through the HTTP step, confirms, and reminds a day and two hours before', async () => {
    bookedFor = new Date((await h.now()).getTime() + 3 * 24 * HOUR);
    await h.inbound('447700900123', 'I want to book an appointment');
    await waitFor(() => h.sent().length === 1, 20_000, 'the list of times');
    expect(h.sent()[0]).toMatchObject({ to: '+447700900123', type: 'interactive', text: 'Hi Sheena Nelson! Which time suits you?' });

    await h.inbound('447700900123', 'Tomorrow 10:00', { kind: 'interactive', replyId: 'tomorrow_10' });
    await waitFor(() => h.sent().length === 2, 20_000, 'the confirmation');
    await h.idle();
    expect(requests).toEqual([{ slot: 'tomorrow_10', phone: '+447700900123', name: 'Sheena Nelson' }]);
    expect(h.sent()[1]).toMatchObject({ type: 'text', text: "You're booked for Thursday 10:00. We'll remind you the day before and 2 hours before." });
    expect(await h.run('447700900123')).toMatchObject({ current_node: 'wait_t24', waiting_for: 'timer' });

    await h.advance(2 * 24 * HOUR - HOUR);
    await h.idle();
    expect(h.sent()).toHaveLength(2);
    await h.advance(HOUR);
    await waitFor(() => h.sent().length === 3, 20_000, 'the T-24 reminder');
    expect(h.sent()[2]).toMatchObject({ type: 'template', template: 'appointment_reminder_day', params: ['Thursday 10:00'] });

    await h.idle();
    expect(await h.run('447700900123')).toMatchObject({ current_node: 'wait_t2', waiting_for: 'timer' });
    await h.advance(22 * HOUR);
    await waitFor(() => h.sent().length === 4, 20_000, 'the T-2 reminder');
    await h.idle();
    expect(strip(h).slice(2)).toEqual([
      { to: '+447700900123', type: 'template', template: 'appointment_reminder_day', params: ['Thursday 10:00'] },
      { to: '+447700900123', type: 'template', template: 'appointment_reminder_soon', params: ['Thursday 10:00'] },
    ]);
    expect(await h.run('447700900123')).toMatchObject({ status: 'completed', outcome: 'reminded' });
  });
});

describe('Click-to-WhatsApp lead qualification', () => {
  let h: EngineHarness;
  const ad = { sourceType: 'ad', sourceId: '120226305854810726', headline: 'Lakeside villas' };

  beforeAll(async () => {
    h = await startEngineHarness();
    await h.publish(example('ctwa-lead-qualification'));
  });
  afterAll(async () => h?.close());

  it('re-asks an unreadable budget twice, then hands the lead to sales', async () => {
    await h.inbound('5511999990001', 'Hi! I saw your ad', { referral: ad });
    await waitFor(() => h.sent().length === 2, 20_000, 'welcome and first question');
    await h.inbound('5511999990001', 'Buy', { kind: 'interactive', replyId: 'buy' });
    await waitFor(() => h.sent().length === 3, 20_000, 'the budget question');
    await h.inbound('5511999990001', 'a lot');
    await waitFor(() => h.sent().length === 4, 20_000, 'the first re-ask');
    await h.inbound('5511999990001', 'really a lot');
    await waitFor(() => h.sent().length === 5, 20_000, 'the second re-ask');
    await h.inbound('5511999990001', 'I told you');
    await waitFor(() => h.sent().length === 6, 20_000, 'the handoff note');
    await h.idle();
    expect(strip(h).map((s) => s.text ?? s.template)).toEqual([
      'Hi Sheena Nelson, thanks for your interest in "Lakeside villas"! Two quick questions so we can help.',
      'What are you looking for?',
      'And roughly what is your budget in dollars? (just the number)',
      'Sorry, I need a number, like 350000.\n\nAnd roughly what is your budget in dollars? (just the number)',
      'Sorry, I need a number, like 350000.\n\nAnd roughly what is your budget in dollars? (just the number)',
      'Great, a senior advisor will send you a voice note shortly.',
    ]);
    expect(await h.run('5511999990001')).toMatchObject({ current_node: 'to_sales', waiting_for: 'person' });
    const [contact] = await h.q<{ attributes: Record<string, unknown>; free_entry_until: Date | null }>(
      `SELECT attributes, free_entry_until FROM contacts WHERE wa_id = '5511999990001'`,
    );
    expect(contact!.attributes).toEqual({ intent: 'buy' });
    expect(contact!.free_entry_until).not.toBeNull();
  });

  it('tags a lead who stops answering as unqualified when the question times out', async () => {
    await h.inbound('5511999990002', 'hello', { referral: ad });
    await waitFor(() => h.sent().filter((s) => s.to === '+5511999990002').length === 2, 20_000, 'welcome and first question');
    await h.idle();
    await h.advance(2 * HOUR);
    await waitFor(async () => (await h.run('5511999990002'))?.status === 'completed', 20_000, 'the timeout');
    expect(await h.run('5511999990002')).toMatchObject({ status: 'completed', outcome: 'unqualified' });
    const [contact] = await h.q<{ tags: string[] }>(`SELECT tags FROM contacts WHERE wa_id = '5511999990002'`);
    expect(contact!.tags).toEqual(['lead', 'unqualified']);
    expect(h.sent().filter((s) => s.to === '+5511999990002')).toHaveLength(2);
  });

  it('ignores a message that is not from an ad for this ad-only flow', async () => {
    await h.inbound('5511999990003', 'hello');
    await h.idle();
    expect(await h.run('5511999990003')).toBeUndefined();
    expect(h.sent().filter((s) => s.to === '+5511999990003')).toEqual([]);
  });
});

describe('a message due after the 24-hour window', () => {
  let h: EngineHarness;
  const flow = {
    schemaVersion: 1,
    name: 'Follow-up',
    nodes: [
      { id: 'hi', type: 'trigger-message', position: { x: 0, y: 0 }, data: { match: 'keywords', keywords: ['hi'] } },
      { id: 'later', type: 'wait', position: { x: 0, y: 0 }, data: { mode: 'duration', duration: { amount: 25, unit: 'hours' } } },
      { id: 'nudge', type: 'send-message', position: { x: 0, y: 0 }, data: { message: { kind: 'text', text: 'Still interested?' } } },
      {
        id: 'fallback',
        type: 'send-template',
        position: { x: 0, y: 0 },
        data: { template: { name: 'follow_up', language: 'en', category: 'UTILITY' }, body: [{ value: '{{contact.profile_name}}' }] },
      },
    ],
    edges: [
      { id: 'e1', source: 'hi', sourceHandle: 'next', target: 'later' },
      { id: 'e2', source: 'later', sourceHandle: 'next', target: 'nudge' },
      { id: 'e3', source: 'nudge', sourceHandle: 'window_closed', target: 'fallback' },
    ],
  };

  beforeAll(async () => {
    h = await startEngineHarness();
    await h.publish(flow);
  });
  afterAll(async () => h?.close());

  it('takes window_closed to the template and never sends the free-form text', async () => {
    await h.inbound('34600000001', 'hi');
    await h.idle();
    await h.advance(25 * HOUR);
    await waitFor(() => h.sent().length === 1, 20_000, 'the template');
    await h.idle();
    expect(strip(h)).toEqual([{ to: '+34600000001', type: 'template', template: 'follow_up', params: ['Sheena Nelson'] }]);
    const steps = await h.q<{ node_id: string; port: string }>(`SELECT node_id, port FROM run_steps WHERE kind = 'port' ORDER BY id`);
    expect(steps.map((s) => `${s.node_id}.${s.port}`)).toEqual(['hi.next', 'later.next', 'nudge.window_closed', 'fallback.next']);
  });

  it('also takes window_closed when WhatsApp itself answers 131047', async () => {
    h.standIn.reset();
    h.standIn.failNext(131047, { to: '+34600000002' });
    await h.inbound('34600000002', 'hi');
    await h.idle();
    await h.q(`UPDATE contacts SET last_inbound_at = last_inbound_at + interval '25 hours' WHERE wa_id = '34600000002'`);
    await h.advance(25 * HOUR);
    await waitFor(() => h.sent().length === 1, 20_000, 'the template after 131047');
    await h.idle();
    expect(strip(h)).toEqual([{ to: '+34600000002', type: 'template', template: 'follow_up', params: ['Sheena Nelson'] }]);
    const [failed] = await h.q<{ status: string; error: { code: string } }>(
      `SELECT status, error FROM messages WHERE direction = 'out' AND type = 'text' AND contact_id = (SELECT id FROM contacts WHERE wa_id = '34600000002')`,
    );
    expect(failed).toMatchObject({ status: 'skipped', error: { code: '131047' } });
  });
});
