import { describe, expect, it } from 'vitest';
import { RunDriver, effectKinds, entered, message, ports } from '../../test/stepKit';
import { startRun } from './stepRun';

const HOUR = 3_600_000;

describe('stepRun on the abandoned-cart journey', () => {
  it('waits an hour, sends the template, and on "Complete my order" sends the checkout link and ends', () => {
    const run = RunDriver.example('abandoned-cart');
    const started = run.start('cart_abandoned', { cart_url: 'https://shop.example/c/42', first_item: 'Echeveria', cart_total: 39.9 });
    expect(entered(started)).toEqual(['cart_abandoned', 'wait_1h']);
    expect(started.effects).toEqual([{ type: 'timer', node: 'wait_1h', step: 2, timer: 'wait', at: '2026-11-24T11:00:00.000Z' }]);
    expect(started.waiting).toEqual({ for: 'timer' });

    run.advance(HOUR);
    const nudged = run.send({ type: 'timer.fired', node: 'wait_1h', timer: 'wait' });
    expect(ports(nudged)).toEqual(['wait_1h.next']);
    expect(nudged.effects).toEqual([
      {
        type: 'send',
        node: 'reminder',
        step: 3,
        purpose: 'message',
        content: {
          kind: 'template',
          name: 'cart_reminder',
          language: 'en',
          category: 'MARKETING',
          body: [{ text: 'Sheena' }, { text: 'Echeveria' }],
          buttons: [
            { index: 0, subType: 'quick_reply', value: 'complete' },
            { index: 1, subType: 'quick_reply', value: 'question' },
            { index: 2, subType: 'quick_reply', value: 'stop', optOut: true },
          ],
        },
      },
    ]);

    const sent = run.send({ type: 'effect.result', node: 'reminder', outcome: 'ok' });
    expect(entered(sent)).toEqual(['reply']);
    expect(effectKinds(sent)).toEqual(['timer:reply']);
    expect(sent.waiting).toEqual({ for: 'reply' });

    const tapped = run.send(message('Complete my order', { kind: 'button', replyId: 'complete', wamid: 'wamid.tap' }));
    expect(ports(tapped)).toEqual(['reply.complete']);
    expect(tapped.effects).toEqual([
      { type: 'node', name: 'readReceipt', node: 'reply', step: 4, payload: { wamid: 'wamid.tap', typing: true } },
      {
        type: 'send',
        node: 'checkout_link',
        step: 5,
        purpose: 'message',
        content: { kind: 'text', text: 'Here is your cart, ready to check out: https://shop.example/c/42', previewUrl: true },
      },
    ]);

    const done = run.send({ type: 'effect.result', node: 'checkout_link', outcome: 'ok' });
    expect(done.status).toBe('done');
    expect(done.outcome).toBe('link_sent');
    expect(entered(done)).toEqual(['converted']);
  });

  it('re-asks once on an unclear reply, then hands over to sales', () => {
    const run = RunDriver.example('abandoned-cart');
    run.start('cart_abandoned', { cart_url: 'https://shop.example/c/1' });
    run.send({ type: 'timer.fired', node: 'wait_1h', timer: 'wait' });
    run.send({ type: 'effect.result', node: 'reminder', outcome: 'ok' });
    const unclear = run.send(message('hmm maybe', { wamid: 'wamid.unclear' }));
    expect(ports(unclear)).toEqual([]);
    expect(unclear.effects).toEqual([
      { type: 'node', name: 'readReceipt', node: 'reply', step: 4, payload: { wamid: 'wamid.unclear', typing: true } },
      {
        type: 'send',
        node: 'reply',
        step: 4,
        purpose: 'reprompt',
        content: { kind: 'text', text: 'Tap one of the buttons, or write "help" to talk to us.', previewUrl: false },
      },
      expect.objectContaining({ type: 'timer', node: 'reply', timer: 'timeout' }),
    ]);
    const again = run.send(message('no idea'));
    expect(ports(again)).toEqual(['reply.invalid']);
    expect(effectKinds(again)).toEqual(['node:reply', 'node:to_sales', 'send:to_sales', 'timer:to_sales']);
    expect(again.waiting).toEqual({ for: 'person' });
  });

  it('accepts typed keywords for a choice ("help")', () => {
    const run = RunDriver.example('abandoned-cart');
    run.start('cart_abandoned', { cart_url: 'x' });
    run.send({ type: 'timer.fired', node: 'wait_1h', timer: 'wait' });
    run.send({ type: 'effect.result', node: 'reminder', outcome: 'ok' });
    expect(ports(run.send(message('  Help! ')))).toEqual(['reply.question']);
  });

  it('ignores events meant for another step', () => {
    const run = RunDriver.example('abandoned-cart');
    run.start('cart_abandoned', { cart_url: 'x' });
    const stray = run.send({ type: 'effect.result', node: 'reminder', outcome: 'ok' });
    expect(stray.changed).toBe(false);
    expect(stray.currentNode).toBe('wait_1h');
  });
});

describe('stepRun on other journeys', () => {
  it('lead qualification saves answers on the contact and routes a high budget to sales', () => {
    const run = RunDriver.example('ctwa-lead-qualification');
    const started = run.start('from_ad', { text: 'Hi', ad_headline: 'Lakeside villas' });
    expect(started.effects[0]).toMatchObject({
      type: 'send',
      content: { text: 'Hi Sheena, thanks for your interest in "Lakeside villas"! Two quick questions so we can help.' },
    });
    run.send({ type: 'effect.result', node: 'welcome', outcome: 'ok' });
    run.send({ type: 'effect.result', node: 'intent', outcome: 'ok' });
    const intent = run.send(message('Buy', { kind: 'interactive', replyId: 'buy' }));
    expect(intent.contactPatch.attributes).toEqual({ intent: 'buy' });
    run.send({ type: 'effect.result', node: 'budget', outcome: 'ok' });
    const bad = run.send(message('lots'));
    expect(bad.effects[1]).toMatchObject({
      purpose: 'reprompt',
      content: { text: 'Sorry, I need a number, like 350000.\n\nAnd roughly what is your budget in dollars? (just the number)' },
    });
    const budget = run.send(message('750.000'));
    expect(budget.contactPatch.attributes).toEqual({ budget: 750000 });
    expect(ports(budget)).toEqual(['budget.next', 'high_value.high']);
    expect(budget.currentNode).toBe('to_sales');
  });

  it('split sends a contact down the same variant every time for the same run', () => {
    const doc = {
      schemaVersion: 1,
      name: 'Split',
      nodes: [
        { id: 't', type: 'trigger-api', position: { x: 0, y: 0 }, data: {} },
        {
          id: 's',
          type: 'split',
          position: { x: 0, y: 0 },
          data: {
            variants: [
              { id: 'a', label: 'A', weight: 50 },
              { id: 'b', label: 'B', weight: 50 },
            ],
          },
        },
        { id: 'ea', type: 'end', position: { x: 0, y: 0 }, data: { outcome: 'a' } },
        { id: 'eb', type: 'end', position: { x: 0, y: 0 }, data: { outcome: 'b' } },
      ],
      edges: [
        { id: 'e1', source: 't', sourceHandle: 'next', target: 's' },
        { id: 'e2', source: 's', sourceHandle: 'a', target: 'ea' },
        { id: 'e3', source: 's', sourceHandle: 'b', target: 'eb' },
      ],
    };
    const outcomes = new Map<string, number>();
    const driver = new RunDriver(doc);
    for (let i = 0; i < 400; i++) {
      const r = startRunWithId(driver, `run-${i}`);
      outcomes.set(r, (outcomes.get(r) ?? 0) + 1);
      expect(startRunWithId(driver, `run-${i}`)).toBe(r);
    }
    expect(outcomes.get('a')! / 400).toBeGreaterThan(0.4);
    expect(outcomes.get('b')! / 400).toBeGreaterThan(0.4);
  });
});

function startRunWithId(d: RunDriver, id: string): string {
  return startRun(d.version, d.machine, id, 't', {}, { now: d.now, contact: d.person }).outcome!;
}
