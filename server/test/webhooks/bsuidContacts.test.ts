import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { endpoints } from '@tandem/shared/api';
import { changeBody, startFullHarness, type FullHarness } from '../support/fullHarness';
import { waitFor } from '../support/engineHarness';

// A customer who turned on a WhatsApp username reaches us without a phone number: only their
// business-scoped user id (BSUID). Tandem keys the contact on it and answers with `recipient`.

let h: FullHarness;
beforeEach(async () => {
  h = await startFullHarness();
});
afterEach(async () => h?.close());

const USER_ID = 'US.13491208655302741918';

describe('contacts known only by their business-scoped user id', () => {
  it('are answered through `recipient`, with no phone number on the wire', async () => {
    await h.publish({
      schemaVersion: 1,
      name: 'Welcome',
      nodes: [
        { id: 'hi', type: 'trigger-message', position: { x: 0, y: 0 }, data: { match: 'any' } },
        {
          id: 'hello',
          type: 'send-message',
          position: { x: 0, y: 0 },
          data: { message: { kind: 'text', text: 'Hi {{contact.profile_name}}, how can we help?' } },
        },
      ],
      edges: [{ id: 'e1', source: 'hi', sourceHandle: 'next', target: 'hello' }],
    });
    const at = String(Math.floor((await h.now()).getTime() / 1000));
    await h.deliver({
      ...changeBody('messages', {
        messaging_product: 'whatsapp',
        metadata: { display_phone_number: '15550783881', phone_number_id: '106540352242922' },
        contacts: [{ profile: { name: 'Mika' }, user_id: USER_ID, parent_user_id: 'US.ENT.5500000000000000001' }],
        messages: [{ from_user_id: USER_ID, id: 'wamid.BSUID.1', timestamp: at, type: 'text', text: { body: 'hi, I use a username' } }],
      }),
    });
    await waitFor(() => h.wire().length === 1, 20_000, 'the answer');
    expect(h.wire()).toEqual([`${USER_ID}: Hi Mika, how can we help?`]);
    const sent = h.standIn.received().find((r) => r.response.status === 200)!.body as Record<string, unknown>;
    expect(sent).toMatchObject({ recipient: USER_ID });
    expect(sent).not.toHaveProperty('to');
    await h.idle();
    const contact = (await h.api(endpoints.listContacts)).contacts[0]!;
    expect(contact).toMatchObject({ userId: USER_ID, waId: null, phone: null, profileName: 'Mika' });
    const thread = await h.api(endpoints.contactMessages, { id: contact.id });
    expect(thread.messages.map((m) => `${m.direction}:${m.status}`).sort()).toEqual(['in:received', 'out:sent']);
  });

  describe("when a username contact's phone number shows", () => {
    const welcome = {
      schemaVersion: 1,
      name: 'Welcome',
      settings: { reentry: 'always' },
      nodes: [
        { id: 'hi', type: 'trigger-message', position: { x: 0, y: 0 }, data: { match: 'any' } },
        { id: 'hello', type: 'send-message', position: { x: 0, y: 0 }, data: { message: { kind: 'text', text: 'Hi {{contact.profile_name}}!' } } },
      ],
      edges: [{ id: 'e1', source: 'hi', sourceHandle: 'next', target: 'hello' }],
    };
    const metadata = { display_phone_number: '15550783881', phone_number_id: '106540352242922' };
    const PHONE = '4915100000077';
    const usernameMessage = async (id: string, text: string) => {
      const at = String(Math.floor((await h.now()).getTime() / 1000));
      return changeBody('messages', {
        messaging_product: 'whatsapp',
        metadata,
        contacts: [{ profile: { name: 'Mika' }, user_id: USER_ID }],
        messages: [{ from_user_id: USER_ID, id, timestamp: at, type: 'text', text: { body: text } }],
      });
    };
    /** One body with the username contact's message now carrying the phone number, and another person's message. */
    const phoneShows = async (text: string) => {
      const at = String(Math.floor((await h.now()).getTime() / 1000));
      return changeBody('messages', {
        messaging_product: 'whatsapp',
        metadata,
        contacts: [
          { profile: { name: 'Mika' }, wa_id: PHONE, user_id: USER_ID },
          { profile: { name: 'Noor' }, wa_id: '4915100000088', user_id: 'US.99' },
        ],
        messages: [
          { from: PHONE, from_user_id: USER_ID, id: 'wamid.BSUID.phone', timestamp: at, type: 'text', text: { body: text } },
          { from: '4915100000088', from_user_id: 'US.99', id: 'wamid.BSUID.other', timestamp: at, type: 'text', text: { body: 'hello' } },
        ],
      });
    };
    const contactsByName = async () => {
      const { contacts } = await h.api(endpoints.listContacts);
      return new Map(contacts.map((c) => [c.profileName ?? c.phone ?? '?', c]));
    };

    it('stays the same contact and learns the number; a message of someone else in the same body is answered too', async () => {
      await h.publish(welcome);
      await h.deliver(await usernameMessage('wamid.BSUID.1', 'hi'));
      await h.deliver(await phoneShows('still me'));
      await waitFor(() => h.wire().length === 3, 20_000, 'three answers');
      // The first answer went by user id; now that the number is known, by number.
      expect(h.wire()).toEqual([`${USER_ID}: Hi Mika!`, expect.any(String), expect.any(String)]);
      expect(h.wire().slice(1).sort()).toEqual([`+${PHONE}: Hi Mika!`, `+4915100000088: Hi Noor!`]);
      const contacts = await contactsByName();
      expect(contacts.size).toBe(2);
      const mika = contacts.get('Mika')!;
      expect(mika).toMatchObject({ userId: USER_ID, waId: PHONE, phone: `+${PHONE}` });
      const thread = await h.api(endpoints.contactMessages, { id: mika.id });
      expect(thread.messages.filter((m) => m.direction === 'in')).toHaveLength(2);
    });

    it('stays the same contact when another contact (an imported one) has the number: no batch fails, the other contact keeps the number, and a STOP opts out both', async () => {
      await h.api(endpoints.importContacts, {}, { body: { csv: ['wa_id,profile_name,marketing_consent', `${PHONE},Imported Mika,opted_in`].join('\n') } });
      await h.publish(welcome);
      await h.deliver(await usernameMessage('wamid.BSUID.1', 'hi'));
      await h.deliver(await phoneShows('still me'));
      await waitFor(() => h.wire().length === 3, 20_000, 'three answers');
      // The number belongs to the imported contact: the username contact is still answered by user id.
      expect(h.wire().slice(1).sort()).toEqual([`+4915100000088: Hi Noor!`, `${USER_ID}: Hi Mika!`]);
      let contacts = await contactsByName();
      expect(contacts.get('Mika')).toMatchObject({ userId: USER_ID, waId: null });
      expect(contacts.get('Imported Mika')).toMatchObject({ waId: PHONE, userId: null });
      const imported = await h.api(endpoints.contactMessages, { id: contacts.get('Imported Mika')!.id });
      expect(imported.messages).toHaveLength(0);

      const at = String(Math.floor((await h.now()).getTime() / 1000));
      await h.deliver(
        changeBody('messages', {
          messaging_product: 'whatsapp',
          metadata,
          contacts: [{ profile: { name: 'Mika' }, wa_id: PHONE, user_id: USER_ID }],
          messages: [{ from: PHONE, from_user_id: USER_ID, id: 'wamid.BSUID.stop', timestamp: at, type: 'text', text: { body: 'STOP' } }],
        }),
      );
      await h.idle();
      contacts = await contactsByName();
      expect(contacts.get('Mika')!.marketingConsent).toBe('opted_out');
      expect(contacts.get('Imported Mika')!.marketingConsent).toBe('opted_out');
    });
  });
});
