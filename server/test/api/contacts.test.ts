import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { endpoints } from '@tandem/shared/api';
import { recordConsent } from '../../src/ingest/consent';
import { startApiHarness, type ApiHarness } from '../support/apiHarness';

const HOUR = 3_600_000;
let h: ApiHarness;
let keyLabel: string;

const importCsv = (csv: string, workspaceId = h.a, key = h.keys.a) => h.call(endpoints.importContacts, { workspaceId }, { key, body: { csv } });
const list = async (query: Record<string, string> = {}) => (await h.call(endpoints.listContacts, { workspaceId: h.a }, { key: h.keys.aViewer, query })).json;
const byWaId = async (waId: string) => (await list({ search: waId })).contacts.find((c: { waId: string }) => c.waId === waId);
const patch = (id: number, body: Record<string, unknown>) => h.call(endpoints.updateContact, { workspaceId: h.a, id }, { key: h.keys.a, body });

beforeAll(async () => {
  h = await startApiHarness();
  keyLabel = `key editor key (${/^tdm_(key_[0-9a-z]{16})_/.exec(h.keys.a)![1]})`;
  await h.call(
    endpoints.updateWorkspace,
    { workspaceId: h.a },
    {
      key: h.keys.aAdmin,
      body: {
        settings: {
          attributes: [
            { name: 'budget', type: 'number' },
            { name: 'vip', type: 'boolean' },
          ],
        },
      },
    },
  );
  const res = await importCsv(
    [
      'phone,First Name,last_name,email,tags,marketing_consent,timezone,budget,vip,notes',
      '+49 151 1111 0001,Ana,Lopez,ana@example.com,lead|berlin,yes,Europe/Berlin,1500,yes,"Likes ""green"" plants, big ones"',
      '+44 7700 900002,Ben,Smith,ben@example.com,lead,no,,,,',
      '+1 (650) 555-0003,Cleo,,cleo@shop.test,,,,,,"two',
      'lines"',
    ].join('\r\n'),
  );
  expect(res.json).toEqual({ created: 3, updated: 0, errors: [] });
});
afterAll(async () => h?.close());

describe('contacts API', () => {
  it("imports CSV: quoted fields, typed attributes, tags, consent and time zone; the phone's digits are the WhatsApp id", async () => {
    const ana = await byWaId('4915111110001');
    expect(ana).toMatchObject({
      phone: '+4915111110001',
      attributes: { first_name: 'Ana', last_name: 'Lopez', email: 'ana@example.com', budget: 1500, vip: true, notes: 'Likes "green" plants, big ones' },
      tags: ['berlin', 'lead'],
      marketingConsent: 'opted_in',
      consentSource: `import: ${keyLabel}`,
      timezone: 'Europe/Berlin',
      windowOpen: false,
      windowExpiresAt: null,
    });
    expect(ana.consentChangedAt).not.toBeNull();
    expect((await byWaId('447700900002')).marketingConsent).toBe('opted_out');
    expect(await byWaId('16505550003')).toMatchObject({
      attributes: { first_name: 'Cleo', email: 'cleo@shop.test', notes: 'two\r\nlines' },
      marketingConsent: 'unknown',
      consentSource: null,
      tags: [],
    });
  });

  it('imports again by WhatsApp id: updates what the file says, keeps the rest, and reports bad lines by number', async () => {
    const res = await importCsv(
      [
        'wa_id,profile_name,tags,budget,timezone',
        '4915111110001,Ana L.,vip,,',
        'not-a-number,X,,,',
        '4915111110009,New,,lots,',
        '4915111110010,Zed,,,Mars/Olympus',
        '4915111110011,Dup,a,,',
        '4915111110011,,b,7,',
        '4915111110012,Too,many,fields,,,',
      ].join('\n'),
    );
    expect(res.status).toBe(200);
    expect(res.json).toEqual({
      created: 1,
      updated: 1,
      errors: [
        { line: 3, message: '"not-a-number" is not a phone number (6 to 20 digits with the country code)' },
        { line: 4, message: 'budget "lots" is not a number' },
        { line: 5, message: '"Mars/Olympus" is not an IANA time zone such as Europe/Berlin' },
        { line: 8, message: '7 fields, but the header names 5' },
      ],
    });
    expect(await byWaId('4915111110001')).toMatchObject({
      profileName: 'Ana L.',
      tags: ['berlin', 'lead', 'vip'],
      attributes: { budget: 1500, email: 'ana@example.com' },
      timezone: 'Europe/Berlin',
    });
    expect(await byWaId('4915111110011')).toMatchObject({ profileName: 'Dup', tags: ['a', 'b'], attributes: { budget: 7 } });
    const log = await h.call(endpoints.auditLog, { workspaceId: h.a }, { key: h.keys.aAdmin });
    expect(log.json.entries[0]).toMatchObject({ action: 'contacts.import', actor: keyLabel, detail: { created: 1, updated: 1, errors: 4 } });
  });

  it('refuses a file whose header has no wa_id or phone column, or names a field Tandem keeps', async () => {
    const noId = await importCsv('name,email\nAna,ana@example.com');
    expect(noId.status).toBe(400);
    expect(noId.json.error).toMatchObject({ code: 'invalid_csv', message: 'The header row (line 1) needs a wa_id or phone column' });
    const reserved = await importCsv('wa_id,created_at\n4915111110001,2020-01-01');
    expect(reserved.status).toBe(400);
    expect(reserved.json.error.code).toBe('reserved_attribute');
    const open = await importCsv('wa_id,notes\n4915111110001,"never closed');
    expect(open.json.errors).toEqual([{ line: 2, message: 'A quoted field is never closed' }]);
  });

  it('lists newest updated first, with a total, and searches names, WhatsApp ids, phones, email and tags', async () => {
    const all = await list();
    expect(all.total).toBe(4);
    expect(all.contacts[0].waId).toBe('4915111110011');
    const page = await list({ limit: '2', offset: '1' });
    expect(page.total).toBe(4);
    expect(page.contacts.map((c: { id: number }) => c.id)).toEqual(all.contacts.slice(1, 3).map((c: { id: number }) => c.id));
    const names = async (search: string) =>
      (await list({ search })).contacts
        .map((c: { attributes: { first_name?: string }; profileName: string }) => c.attributes.first_name ?? c.profileName)
        .sort();
    expect(await names('ana')).toEqual(['Ana']);
    expect(await names('smith')).toEqual(['Ben']);
    expect(await names('shop.test')).toEqual(['Cleo']);
    expect(await names('+44 7700')).toEqual(['Ben']);
    expect(await names('Dup')).toEqual(['Dup']);
    expect(await names('BERL')).toEqual(['Ana']);
    expect(await names('Be_')).toEqual([]);
  });

  it('filters by tag and by marketing consent', async () => {
    const tagged = await list({ tag: 'lead' });
    expect(tagged.total).toBe(2);
    expect(tagged.contacts.map((c: { waId: string }) => c.waId).sort()).toEqual(['447700900002', '4915111110001']);
    expect((await list({ consent: 'opted_out' })).contacts.map((c: { waId: string }) => c.waId)).toEqual(['447700900002']);
    expect((await list({ consent: 'unknown' })).contacts.map((c: { waId: string }) => c.waId).sort()).toEqual(['16505550003', '4915111110011']);
  });

  it('judges the 24-hour window on the workspace clock', async () => {
    const cleo = await byWaId('16505550003');
    const wrote = new Date(Date.now() - HOUR);
    await h.db.pool.query(`UPDATE contacts SET last_inbound_at = $2 WHERE id = $1`, [cleo.id, wrote]);
    const open = await h.call(endpoints.getContact, { workspaceId: h.a, id: cleo.id }, { key: h.keys.aViewer });
    expect(open.json).toMatchObject({
      windowOpen: true,
      lastInboundAt: wrote.toISOString(),
      windowExpiresAt: new Date(wrote.getTime() + 24 * HOUR).toISOString(),
    });
    await h.call(endpoints.advanceClock, { workspaceId: h.a }, { key: h.keys.a, body: { advanceMs: 24 * HOUR } });
    expect((await h.call(endpoints.getContact, { workspaceId: h.a, id: cleo.id }, { key: h.keys.aViewer })).json.windowOpen).toBe(false);
  });

  it('updates attributes (merge, null removes), tags and time zone', async () => {
    const ben = await byWaId('447700900002');
    const res = await patch(ben.id, {
      attributes: { first_name: 'Benjamin', email: null, budget: 900 },
      addTags: ['vip', 'london'],
      removeTags: ['lead'],
      timezone: 'Europe/London',
    });
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({
      attributes: { first_name: 'Benjamin', last_name: 'Smith', budget: 900 },
      tags: ['london', 'vip'],
      timezone: 'Europe/London',
    });
    expect(res.json.attributes).not.toHaveProperty('email');
    expect((await patch(ben.id, { timezone: null })).json.timezone).toBeNull();
  });

  it('refuses built-in fields other than first_name, last_name, email and language, and unknown time zones', async () => {
    const ben = await byWaId('447700900002');
    const builtIn = await patch(ben.id, { attributes: { wa_id: '1', language: 'en', timezone: 'UTC' } });
    expect(builtIn.status).toBe(400);
    expect(builtIn.json.error.code).toBe('reserved_attribute');
    expect(builtIn.json.error.issues.map((i: { path: string[] }) => i.path.join('.'))).toEqual(['attributes.wa_id', 'attributes.timezone']);
    const zone = await patch(ben.id, { timezone: 'Europe/Atlantis' });
    expect(zone.status).toBe(400);
    expect(zone.json.error.issues).toEqual([{ path: ['timezone'], message: 'Unknown time zone' }]);
    expect((await patch(ben.id, { attributes: { language: 'en' } })).json.attributes.language).toBe('en');
  });

  it('records a consent change: when, by whom, and in the audit log; the same consent again changes nothing', async () => {
    const cleo = await byWaId('16505550003');
    const res = await patch(cleo.id, { marketingConsent: 'opted_out' });
    expect(res.json).toMatchObject({ marketingConsent: 'opted_out', consentSource: `api: ${keyLabel}` });
    const changedAt = res.json.consentChangedAt;
    // The workspace clock runs a day ahead after the window test: consent is dated on it, as the engine dates it.
    expect(Date.parse(changedAt)).toBeGreaterThan(Date.now() + 23 * HOUR);
    const log = (await h.call(endpoints.auditLog, { workspaceId: h.a }, { key: h.keys.aAdmin })).json.entries;
    expect(log[0]).toMatchObject({ action: 'contact.consent', actor: keyLabel, target: String(cleo.id), detail: { from: 'unknown', to: 'opted_out' } });
    const again = await patch(cleo.id, { marketingConsent: 'opted_out' });
    expect(again.json.consentChangedAt).toBe(changedAt);
    expect((await h.call(endpoints.auditLog, { workspaceId: h.a }, { key: h.keys.aAdmin })).json.entries[0].id).toBe(log[0].id);
  });

  it('keeps every consent change of a contact, newest first, however it came: the import, a keyword the contact wrote, the API', async () => {
    const ana = await byWaId('4915111110001');
    const wrote = new Date(Date.parse(ana.consentChangedAt) + HOUR).toISOString();
    await recordConsent(h.db.pool, ana.id, { consent: 'opted_out', source: 'keyword STOP' }, wrote);
    await recordConsent(h.db.pool, ana.id, { consent: 'opted_out', source: 'keyword STOP' }, wrote);
    await patch(ana.id, { marketingConsent: 'opted_in', attributes: { budget: 1600 } });
    const history = await h.call(endpoints.contactConsent, { workspaceId: h.a, id: ana.id }, { key: h.keys.aViewer });
    expect(history.json.changes.map(({ at, ...c }: { at: string }) => c)).toEqual([
      { consent: 'opted_in', previous: 'opted_out', source: `api: ${keyLabel}` },
      { consent: 'opted_out', previous: 'opted_in', source: 'keyword STOP' },
      { consent: 'opted_in', previous: 'unknown', source: `import: ${keyLabel}` },
    ]);
    expect(history.json.changes[1].at).toBe(wrote);
    expect(history.json.changes[0].at).toBe((await byWaId('4915111110001')).consentChangedAt);
    const cleo = await byWaId('16505550003');
    expect((await h.call(endpoints.contactConsent, { workspaceId: h.a, id: cleo.id }, { key: h.keys.aViewer })).json.changes).toEqual([
      expect.objectContaining({ consent: 'opted_out', previous: 'unknown' }),
    ]);
  });

  it('lets an agent update a contact but not import', async () => {
    const agent = await h.login('agent');
    const ana = await byWaId('4915111110001');
    const ok = await h.call(
      endpoints.updateContact,
      { workspaceId: h.a, id: ana.id },
      { cookie: agent.cookie, headers: { 'x-csrf-token': agent.csrf }, body: { addTags: ['called'] } },
    );
    expect(ok.json.tags).toContain('called');
    const refused = await h.call(
      endpoints.importContacts,
      { workspaceId: h.a },
      { cookie: agent.cookie, headers: { 'x-csrf-token': agent.csrf }, body: { csv: 'wa_id\n491511111' } },
    );
    expect(refused.status).toBe(403);
  });

  it('shows the whole thread newest first: inbound, bot, App echoes and history', async () => {
    const ana = await byWaId('4915111110001');
    const ben = await byWaId('447700900002');
    await h.db.pool.query(
      `INSERT INTO messages (workspace_id, contact_id, direction, wamid, type, content, status, at) VALUES
         ($1, $2, 'history', 'wamid.h1', 'text', '{"body":"old times"}', 'delivered', now() - interval '30 days'),
         ($1, $2, 'in', 'wamid.i1', 'text', '{"body":"hello"}', 'received', now() - interval '3 minutes'),
         ($1, $2, 'out', 'wamid.o1', 'text', '{"kind":"text","text":"Hi Ana!"}', 'read', now() - interval '2 minutes'),
         ($1, $2, 'echo', 'wamid.e1', 'text', '{"text":"Ana, this is Sam"}', 'sent', now() - interval '1 minute'),
         ($1, $3, 'in', 'wamid.i2', 'text', '{"body":"not Ana"}', 'received', now())`,
      [h.a, ana.id, ben.id],
    );
    const res = await h.call(endpoints.contactMessages, { workspaceId: h.a, id: ana.id }, { key: h.keys.aViewer });
    expect(res.json.messages.map((m: { direction: string; wamid: string }) => `${m.direction} ${m.wamid}`)).toEqual([
      'echo wamid.e1',
      'out wamid.o1',
      'in wamid.i1',
      'history wamid.h1',
    ]);
    const page = await h.call(endpoints.contactMessages, { workspaceId: h.a, id: ana.id }, { key: h.keys.aViewer, query: { limit: '2', offset: '2' } });
    expect(page.json.messages.map((m: { wamid: string }) => m.wamid)).toEqual(['wamid.i1', 'wamid.h1']);
  });

  it('gives a paused contact back to the bot (resumeContact, from the coexistence group)', async () => {
    const ben = await byWaId('447700900002');
    await h.db.pool.query(`UPDATE contacts SET paused_until = 'infinity', pause_reason = 'app_reply' WHERE id = $1`, [ben.id]);
    expect((await h.call(endpoints.getContact, { workspaceId: h.a, id: ben.id }, { key: h.keys.a })).json).toMatchObject({
      pausedUntil: null,
      pausedIndefinitely: true,
      pauseReason: 'app_reply',
    });
    const res = await h.call(endpoints.resumeContact, { workspaceId: h.a, id: ben.id }, { key: h.keys.a });
    expect(res.json).toEqual({ ok: true });
    expect((await h.call(endpoints.getContact, { workspaceId: h.a, id: ben.id }, { key: h.keys.a })).json).toMatchObject({
      pausedUntil: null,
      pausedIndefinitely: false,
      pauseReason: null,
    });
    expect((await h.call(endpoints.auditLog, { workspaceId: h.a }, { key: h.keys.aAdmin })).json.entries[0]).toMatchObject({
      action: 'contact.resume',
      target: String(ben.id),
    });
  });

  it('answers 404 for a contact id of another workspace', async () => {
    await importCsv('wa_id\n33600000001', h.b, h.keys.b);
    const [bContact] = (await h.call(endpoints.listContacts, { workspaceId: h.b }, { key: h.keys.b })).json.contacts;
    for (const res of [
      await h.call(endpoints.getContact, { workspaceId: h.a, id: bContact.id }, { key: h.keys.a }),
      await h.call(endpoints.contactMessages, { workspaceId: h.a, id: bContact.id }, { key: h.keys.a }),
      await h.call(endpoints.contactConsent, { workspaceId: h.a, id: bContact.id }, { key: h.keys.a }),
      await patch(bContact.id, { addTags: ['x'] }),
    ]) {
      expect(res.status).toBe(404);
      expect(res.json.error.message).toBe('Contact not found');
    }
    expect((await h.call(endpoints.getContact, { workspaceId: h.b, id: bContact.id }, { key: h.keys.b })).json.tags).toEqual([]);
  });
});
