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
});
