import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { endpoints } from '@tandem/shared/api';
import { startFullHarness, type FullHarness } from '../support/fullHarness';
import { waitFor } from '../support/engineHarness';

// Broadcasts: a "Schedule / broadcast" trigger starts the journey for every contact of its
// audience when it is due (the harness clock starts at 09:00 UTC).

const MIN = 60_000;
const HOUR = 60 * MIN;
let h: FullHarness;
beforeEach(async () => {
  h = await startFullHarness();
});
afterEach(async () => h?.close());

const node = (id: string, type: string, data: Record<string, unknown>) => ({ id, type, position: { x: 0, y: 0 }, data });
const edge = (source: string, sourceHandle: string, target: string) => ({ id: `${source}-${sourceHandle}`, source, sourceHandle, target });
const winterSale = (schedule: Record<string, unknown>, audience: Record<string, unknown>) => ({
  schemaVersion: 1,
  name: 'Winter sale',
  settings: { reentry: 'always', attributes: [{ name: 'city', type: 'string' }] },
  nodes: [
    node('weekly', 'trigger-schedule', { schedule, audience }),
    node('promo', 'send-template', { template: { name: 'winter_sale', language: 'en', category: 'MARKETING' } }),
  ],
  edges: [edge('weekly', 'next', 'promo')],
});

const sentTo = () =>
  h
    .wire()
    .map((w) => w.split(':')[0])
    .sort();

describe('broadcasts', () => {
  it('start the journey for the audience when due (tags, consent, filter), again on the next cron time, and follow a new version', async () => {
    const imported = await h.api(
      endpoints.importContacts,
      {},
      {
        body: {
          csv: [
            'wa_id,profile_name,marketing_consent,tags,city',
            '4915100000001,Ana,opted_in,vip,Berlin',
            '4915100000002,Ben,opted_in,vip|complained,Berlin',
            '4915100000003,Cem,opted_out,vip,Berlin',
            '4915100000004,Dora,opted_in,,Berlin',
            '4915100000005,Eli,opted_in,vip,Hamburg',
            '4915100000006,Fay,,vip,Berlin',
            '4915100000007,Gus,opted_in,vip|newsletter,Berlin',
          ].join('\n'),
        },
      },
    );
    expect(imported).toMatchObject({ created: 7, errors: [] });
    const flowId = await h.publish(
      winterSale({ kind: 'cron', cron: '0 10 * * *', timezone: 'UTC' }, { tagsAny: ['vip'], tagsNone: ['complained'], filter: 'contact.city == "Berlin"' }),
    );

    await h.elapse(59 * MIN);
    expect(h.wire()).toEqual([]);
    await h.elapse(2 * MIN);
    await waitFor(() => h.wire().length === 2, 20_000, 'the first broadcast');
    await h.idle();
    expect(sentTo()).toEqual(['+4915100000001', '+4915100000007']);
    const runs = await h.q<{ wa_id: string; status: string; scheduled_at: string }>(
      `SELECT c.wa_id, r.status, r.snapshot #>> '{context,trigger,scheduled_at}' AS scheduled_at FROM runs r JOIN contacts c ON c.id = r.contact_id ORDER BY c.wa_id`,
    );
    const tenOClock = await h.now();
    tenOClock.setUTCMinutes(0, 0, 0);
    expect(runs).toEqual([
      { wa_id: '4915100000001', status: 'completed', scheduled_at: tenOClock.toISOString() },
      { wa_id: '4915100000007', status: 'completed', scheduled_at: tenOClock.toISOString() },
    ]);

    // The next day at 10:00 it fires again for the same audience.
    await h.elapse(24 * HOUR);
    await waitFor(() => h.wire().length === 4, 20_000, 'the second broadcast');
    expect(sentTo()).toEqual(['+4915100000001', '+4915100000001', '+4915100000007', '+4915100000007']);

    // A new version: one-off the day after tomorrow at 12:00 Berlin time, to newsletter readers only. The daily cron is gone.
    const now = await h.now();
    const inTwoDays = new Date(now.getTime() + 2 * 24 * HOUR).toISOString().slice(0, 10);
    const doc = winterSale({ kind: 'once', at: `${inTwoDays}T12:00`, timezone: 'Europe/Berlin' }, { tagsAny: ['newsletter'] });
    await h.api(endpoints.saveDraft, { flowId }, { body: { document: doc } });
    await h.api(endpoints.publishFlow, { flowId }, { body: { note: 'One-off for newsletter readers' } });
    await h.elapse(24 * HOUR);
    expect(h.wire()).toHaveLength(4);
    await h.elapse(24 * HOUR + 57 * MIN);
    expect(h.wire()).toHaveLength(4);
    await h.elapse(4 * MIN);
    await waitFor(() => h.wire().length === 5, 20_000, 'the one-off broadcast');
    await h.elapse(3 * 24 * HOUR);
    expect(h.wire().slice(4)).toEqual(['+4915100000007: template winter_sale']);
    expect(await h.q(`SELECT count(*)::int AS n FROM broadcasts`)).toEqual([{ n: 0 }]);

    // Rolling back to the daily version schedules it again; archiving the flow stops it.
    await h.api(endpoints.rollbackFlow, { flowId }, { body: { version: 1 } });
    expect(await h.q(`SELECT node_id, firings FROM broadcasts`)).toEqual([{ node_id: 'weekly', firings: 0 }]);
    await h.api(endpoints.deleteFlow, { flowId });
    expect(await h.q(`SELECT count(*)::int AS n FROM broadcasts`)).toEqual([{ n: 0 }]);
    await h.elapse(2 * 24 * HOUR);
    expect(h.wire()).toHaveLength(5);
  });

  it('reaches every contact of a large audience exactly once, page by page', async () => {
    const CONTACTS = 2_500;
    const rows = Array.from({ length: CONTACTS }, (_, i) => `${4917000000000 + i},opted_in,members`);
    expect(await h.api(endpoints.importContacts, {}, { body: { csv: ['wa_id,marketing_consent,tags', ...rows].join('\n') } })).toMatchObject({
      created: CONTACTS,
      errors: [],
    });
    await h.publish({
      schemaVersion: 1,
      name: 'Members day',
      settings: { reentry: 'never' },
      nodes: [
        node('due', 'trigger-schedule', { schedule: { kind: 'once', at: '2099-01-01T10:00', timezone: 'UTC' }, audience: { tagsAll: ['members'] } }),
        node('mark', 'set-attribute', { addTags: ['reached'] }),
      ],
      edges: [edge('due', 'next', 'mark')],
    });
    const [b] = await h.q<{ fire_at: Date }>(`SELECT fire_at FROM broadcasts`);
    const started = Date.now();
    await h.elapse(b!.fire_at.getTime() - Date.now() + MIN);
    await waitFor(
      async () => (await h.q<{ n: number }>(`SELECT count(*)::int AS n FROM runs WHERE status = 'completed'`))[0]!.n === CONTACTS,
      120_000,
      'every journey',
    );
    console.log(`broadcast: ${CONTACTS} journeys started and completed in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    const perContact = await h.q<{ runs: number; contacts: number; reached: number }>(
      `SELECT count(r.id)::int AS runs, count(DISTINCT c.id)::int AS contacts, count(DISTINCT c.id) FILTER (WHERE 'reached' = ANY (c.tags))::int AS reached FROM contacts c LEFT JOIN runs r ON r.contact_id = c.id`,
    );
    expect(perContact).toEqual([{ runs: CONTACTS, contacts: CONTACTS, reached: CONTACTS }]);
  });

  it('keeps to the journey’s re-entry rule for each contact of a batch: "never" skips those who ran it, "after completion" those still in it', async () => {
    const csv = (from: number, to: number) =>
      ['wa_id,marketing_consent,tags', ...Array.from({ length: to - from }, (_, i) => `${4916000000000 + from + i},opted_in,club`)].join('\n');
    await h.api(endpoints.importContacts, {}, { body: { csv: csv(0, 4) } });
    const journey = (reentry: string) => ({
      schemaVersion: 1,
      name: `Club ${reentry}`,
      settings: { reentry },
      nodes: [
        node('daily', 'trigger-schedule', { schedule: { kind: 'cron', cron: '0 10 * * *', timezone: 'UTC' }, audience: { tagsAll: ['club'] } }),
        // The "after completion" journey waits 30 hours (still in it at the next firing); the "never" one ends at once.
        reentry === 'never'
          ? node('then', 'set-attribute', { addTags: ['club-news'] })
          : node('then', 'wait', { mode: 'duration', duration: { amount: 30, unit: 'hours' } }),
        node('done', 'end', {}),
      ],
      edges: [edge('daily', 'next', 'then'), edge('then', 'next', 'done')],
    });
    const never = await h.publish(journey('never'));
    const afterCompletion = await h.publish(journey('after_completion'));
    const runsOf = async (flowId: string) =>
      (
        await h.q<{ wa_id: string; n: number }>(
          `SELECT c.wa_id, count(*)::int AS n FROM runs r JOIN contacts c ON c.id = r.contact_id WHERE r.flow_id = $1 GROUP BY c.wa_id ORDER BY c.wa_id`,
          [flowId],
        )
      ).map((r) => `${r.wa_id.slice(-2)}:${r.n}`);
    await h.elapse(61 * MIN);
    expect(await runsOf(never)).toEqual(['00:1', '01:1', '02:1', '03:1']);
    expect(await runsOf(afterCompletion)).toEqual(['00:1', '01:1', '02:1', '03:1']);

    // Two new members join; the next day's batch holds old and new contacts together.
    await h.api(endpoints.importContacts, {}, { body: { csv: csv(4, 6) } });
    await h.elapse(24 * HOUR);
    expect(await runsOf(never)).toEqual(['00:1', '01:1', '02:1', '03:1', '04:1', '05:1']);
    // Still waiting in the first run (30 hours): no second one yet; the new members enter.
    expect(await runsOf(afterCompletion)).toEqual(['00:1', '01:1', '02:1', '03:1', '04:1', '05:1']);

    // That evening the first runs end (the new members' wait until tomorrow evening); at the next firing the first four enter again.
    await h.elapse(8 * HOUR);
    expect(await h.q(`SELECT count(*)::int AS n FROM runs WHERE flow_id = $1 AND status = 'active'`, [afterCompletion])).toEqual([{ n: 2 }]);
    await h.elapse(16 * HOUR);
    expect(await runsOf(never)).toEqual(['00:1', '01:1', '02:1', '03:1', '04:1', '05:1']);
    expect(await runsOf(afterCompletion)).toEqual(['00:2', '01:2', '02:2', '03:2', '04:1', '05:1']);
  });
});
