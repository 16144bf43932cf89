import { readFileSync } from 'node:fs';

/** Test support: the raw bytes of `fixtures/<name>.json`, exactly as Meta would POST them. */
export function fixtureBytes(name: string): Buffer {
  return readFileSync(new URL(`./fixtures/${name}.json`, import.meta.url));
}

/** Test support: a fixture parsed the way the route parses a verified body. */
export function fixtureJson(name: string): unknown {
  return JSON.parse(fixtureBytes(name).toString('utf8'));
}

/** Test support: a one-change body for `field` on the documented test number. */
export function bodyWith(field: string, value: unknown): unknown {
  return { object: 'whatsapp_business_account', entry: [{ id: '102290129340398', changes: [{ field, value }] }] };
}

/** Test support: the `value` of a `messages` change around the given messages and contacts. */
export function messagesValue(messages: unknown[], contacts: unknown[] = [{ profile: { name: 'Sheena Nelson' }, wa_id: '16505551234' }]): unknown {
  return { messaging_product: 'whatsapp', metadata: { display_phone_number: '15550783881', phone_number_id: '106540352242922' }, contacts, messages };
}
