import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { endpoints } from '@tandem/shared/api';
import { echoBody, startFullHarness, type FullHarness } from '../support/fullHarness';

// The inbox's "Bot paused by App replies" list asks the contacts API for `pausedBy=app`: the
// contacts whose journeys hold back now, by their own rules, because a person replied from the
// Business App — found among all of the workspace's contacts, not among the most recently changed.

const MIN = 60_000;
const node = (id: string, type: string, data: Record<string, unknown>) => ({ id, type, position: { x: 0, y: 0 }, data });
/** A journey started by `event` that sends a template, waits 5 minutes and sends another one. */
const journey = (name: string, event: string, humanReply: Record<string, unknown>) => ({
  schemaVersion: 1,
  name,
  settings: { reentry: 'always', humanReply },
  nodes: [
    node('start', 'trigger-event', { event }),
    node('hello', 'send-template', { template: { name: 'hello', language: 'en', category: 'UTILITY' } }),
    node('later', 'wait', { mode: 'duration', duration: { amount: 5, unit: 'minutes' } }),
    node('again', 'send-template', { template: { name: 'again', language: 'en', category: 'UTILITY' } }),
  ],
  edges: [
    { id: 'e1', source: 'start', sourceHandle: 'next', target: 'hello' },
    { id: 'e2', source: 'hello', sourceHandle: 'next', target: 'later' },
    { id: 'e3', source: 'later', sourceHandle: 'next', target: 'again' },
  ],
});

const RETURNS = '4915110000001'; // in a journey that waits until released, replied to from the App
const RESTOCK = '4915110000002'; // in a journey that pauses 30 minutes, replied to from the App later
const SURVEY = '4915110000003'; // in a journey that never pauses (its collision guard only), replied to
const NO_JOURNEY = '4915110000004'; // replied to from the App, in no journey
const UNTOUCHED = '4915110000005'; // in a journey, nobody replied from the App

let h: FullHarness;
const pausedByApp = (query: Record<string, string> = {}) => h.api(endpoints.listContacts, {}, { query: { pausedBy: 'app', ...query } });
const waIds = async (query: Record<string, string> = {}) => (await pausedByApp(query)).contacts.map((c) => c.waId);

beforeAll(async () => {
  h = await startFullHarness();
  await h.publish(journey('Returns', 'return.opened', { mode: 'until_release' }));
  await h.publish(journey('Restock', 'item.restocked', { mode: 'pause_for', pauseMinutes: 30 }));
  await h.publish(journey('Survey', 'survey.due', { mode: 'never', collisionGuardSeconds: 60 }));
  await h.businessEvent(RETURNS, 'return.opened', {});
  await h.businessEvent(RESTOCK, 'item.restocked', {});
  await h.businessEvent(SURVEY, 'survey.due', {});
  await h.businessEvent(UNTOUCHED, 'return.opened', {});
  await h.idle();
  await h.deliver(echoBody(RETURNS, 'Hi, Maria here: let me sort the return for you.', await h.now()));
  await h.deliver(echoBody(NO_JOURNEY, 'Thanks for your visit today!', await h.now()));
  await h.elapse(2 * MIN);
  await h.deliver(echoBody(RESTOCK, 'It is back on Friday, I will keep one for you.', await h.now()));
  await h.deliver(echoBody(SURVEY, 'Glad you liked it!', await h.now()));
  // 250 contacts changed since: the paused ones are no longer among the 200 most recently updated.
  const csv = ['phone,first_name', ...Array.from({ length: 250 }, (_, i) => `+4917000${String(i).padStart(5, '0')},Guest ${i}`)].join('\n');
  expect(await h.api(endpoints.importContacts, {}, { body: { csv } })).toMatchObject({ created: 250 });
}, 60_000);
afterAll(async () => h?.close());

describe('contacts paused by App replies (pausedBy=app)', () => {
  it('lists the contacts a journey holds after an App reply, most recent reply first, among all contacts, with their holds', async () => {
    const listed = await pausedByApp();
    expect(listed.total).toBe(2);
    expect(listed.contacts.map((c) => [c.waId, c.holds.map((x) => [x.flowName, x.rule])])).toEqual([
      [RESTOCK, [['Restock', 'pause_for']]],
      [RETURNS, [['Returns', 'until_release']]],
    ]);
    // The other filters still apply, and it pages like the rest of the list.
    expect(await waIds({ search: RETURNS })).toEqual([RETURNS]);
    expect(await pausedByApp({ limit: '1', offset: '1' })).toMatchObject({ total: 2, contacts: [{ waId: RETURNS }] });
  });

  it('drops a contact once its journey speaks again: a pause that ran out, a teammate who resumed', async () => {
    await h.elapse(31 * MIN);
    expect(await waIds()).toEqual([RETURNS]);
    const returns = (await h.api(endpoints.listContacts, {}, { query: { search: RETURNS } })).contacts[0]!;
    await h.api(endpoints.resumeContact, { id: returns.id });
    expect(await pausedByApp()).toEqual({ contacts: [], total: 0 });
  });
});
