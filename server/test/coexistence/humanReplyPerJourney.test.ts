import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { endpoints } from '@tandem/shared/api';
import { echoBody, inboundAt, startFullHarness, type FullHarness } from '../support/fullHarness';
import { waitFor } from '../support/engineHarness';

// Issue 15: a person's reply from the Business App holds each journey by that journey's own rule,
// whether it was running when the reply came or starts after it. Everything goes through the
// signed webhook endpoints, the worker and the Cloud API stand-in; the wire is what WhatsApp got.

const SEC = 1_000;
const MIN = 60 * SEC;
const HOUR = 60 * MIN;
const CUSTOMER = '16505551234';
const TO = `+${CUSTOMER}`;

let h: FullHarness;
beforeEach(async () => {
  h = await startFullHarness();
});
afterEach(async () => h?.close());

const node = (id: string, type: string, data: Record<string, unknown>) => ({ id, type, position: { x: 0, y: 0 }, data });
const edge = (source: string, target: string, sourceHandle = 'next') => ({ id: `${source}-${sourceHandle}`, source, sourceHandle, target });
/** A journey started by an event cannot prove the 24-hour window open: it speaks in (utility) templates. */
const template = (name: string) => ({ template: { name, language: 'en', category: 'UTILITY' } });
const wait = (minutes: number) => ({ mode: 'duration', duration: { amount: minutes, unit: 'minutes' } });

/** A journey started by a business event that says `first` at once (when given) and `then` after `after` minutes (at once: 0). */
function journey(name: string, event: string, humanReply: Record<string, unknown>, then: string, after = 5, first?: string) {
  const nodes = [node('start', 'trigger-event', { event }), node('then', 'send-template', template(then))];
  const chain = ['start'];
  if (first) {
    nodes.push(node('first', 'send-template', template(first)));
    chain.push('first');
  }
  if (after > 0) {
    nodes.push(node('later', 'wait', wait(after)));
    chain.push('later');
  }
  chain.push('then');
  const edges = chain.slice(1).map((target, i) => edge(chain[i]!, target));
  return { schemaVersion: 1, name, settings: { reentry: 'always', humanReply }, nodes, edges };
}

const businessEvent = (event: string, payload: Record<string, unknown> = {}) => h.businessEvent(CUSTOMER, event, payload);

const wireReaches = (n: number, what: string) => waitFor(() => h.wire().length === n, 20_000, what);
const contact = async () => (await h.api(endpoints.listContacts, {}, { query: { search: CUSTOMER } })).contacts.find((c) => c.waId === CUSTOMER)!;
const heldMessages = async () =>
  (await h.api(endpoints.contactMessages, { id: (await contact()).id })).messages.filter((m) => m.direction === 'out' && m.status === 'held');
/** Webhook timestamps are whole seconds. */
const iso = (at: Date) => new Date(Math.floor(at.getTime() / 1000) * 1000).toISOString();

describe('the human-reply pause follows the rule of the journey about to speak', () => {
  it('a journey set to "don\'t pause", started minutes after an App reply, sends once its collision guard is over — no 30-minute pause from elsewhere', async () => {
    await h.publish(journey('Order shipped', 'order.shipped', { mode: 'never', collisionGuardSeconds: 60 }, 'order_shipped', 1));
    await h.deliver(echoBody(CUSTOMER, 'Hi Sheena, Maria here from the shop.', await h.now()));
    // Nothing is stamped on the contact: it is in no journey, so no journey holds.
    expect(await contact()).toMatchObject({ pausedUntil: null, pausedIndefinitely: false, pauseReason: null, holds: [] });

    await h.elapse(40 * SEC);
    await businessEvent('order.shipped');
    await h.elapse(1 * MIN);
    await wireReaches(1, 'the shipping message, 1 minute 40 s after the App reply');
    expect(h.wire()).toEqual([`${TO}: template order_shipped`]);

    // A journey that says "don't pause" still never talks over a person who just wrote: its guard holds it 60 s.
    await h.publish(journey('Delivery slot', 'slot.booked', { mode: 'never', collisionGuardSeconds: 60 }, 'slot_booked', 0));
    const repliedAt = await h.now();
    await h.deliver(echoBody(CUSTOMER, 'It left the warehouse this morning.', repliedAt));
    await h.elapse(10 * SEC);
    await businessEvent('slot.booked');
    await h.elapse(30 * SEC);
    expect(h.wire()).toHaveLength(1);
    const [held] = await heldMessages();
    const clear = new Date(Date.parse(iso(repliedAt)) + MIN).toISOString();
    expect(held).toMatchObject({ error: { held: 'collision_guard', rule: 'never', since: iso(repliedAt), until: clear } });
    expect((await contact()).holds).toEqual([expect.objectContaining({ flowName: 'Delivery slot', reason: 'collision_guard', rule: 'never', until: clear })]);
    await h.elapse(25 * SEC);
    await wireReaches(2, 'the delivery slot message, after the guard');
    expect(h.wire()[1]).toBe(`${TO}: template slot_booked`);
  });

  it('two journeys with different rules on one contact after one App reply: each holds exactly as its own rule says', async () => {
    await h.publish(journey('Restock', 'item.restocked', { mode: 'pause_for', pauseMinutes: 30 }, 'restock_back', 5, 'restock_subscribed'));
    await h.publish(journey('Returns', 'return.opened', { mode: 'until_release' }, 'return_label', 5, 'return_received'));
    await h.publish(journey('Survey', 'survey.due', { mode: 'never', collisionGuardSeconds: 60 }, 'survey_question', 5));
    await businessEvent('item.restocked');
    await businessEvent('return.opened');
    await businessEvent('survey.due');
    await wireReaches(2, 'the two first messages');
    const repliedAt = await h.now();
    await h.deliver(echoBody(CUSTOMER, 'Hi Sheena, Maria here. Let me sort the return for you.', repliedAt));

    // 5 minutes later each journey's wait is over: the survey speaks, the two others hold by their rules.
    await h.elapse(5 * MIN);
    await wireReaches(3, 'the survey question');
    expect(h.wire()).toEqual([`${TO}: template restock_subscribed`, `${TO}: template return_received`, `${TO}: template survey_question`]);
    const holds = (await contact()).holds;
    expect(holds.map(({ flowName, reason, rule, since, until }) => ({ flowName, reason, rule, since, until }))).toEqual([
      {
        flowName: 'Restock',
        reason: 'human_active',
        rule: 'pause_for',
        since: iso(repliedAt),
        until: new Date(Date.parse(iso(repliedAt)) + 30 * MIN).toISOString(),
      },
      { flowName: 'Returns', reason: 'human_active', rule: 'until_release', since: iso(repliedAt), until: null },
    ]);
    const byRule = (await heldMessages()).map((m) => m.error!).sort((a, b) => String(a.rule).localeCompare(String(b.rule)));
    expect(byRule).toEqual([
      expect.objectContaining({ held: 'human_active', rule: 'pause_for', minutes: 30, until: holds[0]!.until }),
      expect.objectContaining({ held: 'human_active', rule: 'until_release', until: null }),
    ]);

    // Half an hour after the reply the pause of "Restock" ends; "Returns" still waits for a person.
    await h.elapse(24 * MIN);
    expect(h.wire()).toHaveLength(3);
    await h.elapse(2 * MIN);
    await wireReaches(4, 'the restock message, 30 minutes after the App reply');
    await h.elapse(3 * HOUR);
    expect(h.wire()).toHaveLength(4);

    // A teammate gives the contact back: "Returns" speaks.
    await h.api(endpoints.resumeContact, { id: (await contact()).id });
    await h.idle();
    await wireReaches(5, 'the returns label after the release');
    expect(h.wire().slice(3)).toEqual([`${TO}: template restock_back`, `${TO}: template return_label`]);
    expect((await contact()).holds).toEqual([]);
  });

  it('"until keyword" journeys started after the reply resume on their own keyword, each on its own', async () => {
    await h.publish(journey('Order help', 'order.question', { mode: 'until_keyword', resumeKeyword: '#bot' }, 'order_answer', 1));
    await h.publish(journey('Booking', 'booking.made', { mode: 'until_keyword', resumeKeyword: '#go' }, 'booking_confirmed', 1));
    await h.deliver(echoBody(CUSTOMER, 'Hi Sheena, checking with the warehouse.', await h.now()));
    await h.elapse(10 * MIN);
    await businessEvent('order.question');
    await businessEvent('booking.made');
    await h.elapse(2 * HOUR);
    expect(h.wire()).toEqual([]);
    expect((await contact()).holds.map((x) => [x.flowName, x.keyword])).toEqual([
      ['Order help', '#bot'],
      ['Booking', '#go'],
    ]);

    // The customer writes meanwhile: a journey waiting by its rule does not take it.
    await h.deliver(inboundAt(CUSTOMER, 'Any news?', await h.now()));
    expect(h.wire()).toEqual([]);

    await h.deliver(echoBody(CUSTOMER, ' #BOT ', await h.now()));
    await wireReaches(1, 'the order answer after "#bot"');
    expect(h.wire()).toEqual([`${TO}: template order_answer`]);
    await h.elapse(10 * MIN);
    expect(h.wire()).toHaveLength(1);
    expect((await contact()).holds.map((x) => x.flowName)).toEqual(['Booking']);

    await h.deliver(echoBody(CUSTOMER, '#go', await h.now()));
    await wireReaches(2, 'the booking message after "#go"');
    expect(h.wire()[1]).toBe(`${TO}: template booking_confirmed`);
  });
});
