import { describe, expect, it } from 'vitest';
import { parseWhatsAppWebhook } from './parseWhatsAppWebhook';
import { bodyWith, messagesValue } from './testFixtures';

/** The inbound event Tandem makes of one message from Sheena. */
function inbound(message: Record<string, unknown>) {
  const result = parseWhatsAppWebhook(bodyWith('messages', messagesValue([{ from: '16505551234', id: 'wamid.X', timestamp: '1750000000', ...message }])));
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  const [event] = result.changes[0]?.events ?? [];
  if (event?.eventType !== 'inbound') throw new Error('expected one inbound event');
  const { type, kind, text, replyId, contextWamid, data, content, forwarded, referredProduct, errors } = event;
  return { type, kind, text, replyId, contextWamid, ...(data ? { data } : {}), content, forwarded, referredProduct, errors };
}

describe('describeMessage', () => {
  it.each(['video', 'document', 'sticker'])('reads %s as media with its caption or an empty text', (type) => {
    expect(inbound({ type, [type]: { id: 'm1', mime_type: 'x/y', sha256: 'h', url: 'https://lookaside.example/m1' } })).toMatchObject({
      kind: 'media',
      text: '',
      content: { id: 'm1', mime_type: 'x/y', sha256: 'h' },
    });
  });

  it('keeps the voice flag of an audio message and drops its URL', () => {
    expect(
      inbound({ type: 'audio', audio: { id: 'a1', mime_type: 'audio/ogg; codecs=opus', voice: true, url: 'https://lookaside.example/a1' } }),
    ).toMatchObject({
      kind: 'media',
      text: '',
      content: { id: 'a1', mime_type: 'audio/ogg; codecs=opus', voice: true },
    });
    expect(inbound({ type: 'audio', audio: { id: 'a1', url: 'https://lookaside.example/a1' } }).content).not.toHaveProperty('url');
  });

  it('reads a document caption and keeps its filename', () => {
    expect(inbound({ type: 'document', document: { id: 'd1', filename: 'invoice.pdf', caption: 'March invoice' } })).toMatchObject({
      kind: 'media',
      text: 'March invoice',
      content: { id: 'd1', filename: 'invoice.pdf', caption: 'March invoice' },
    });
  });

  it('reads a reaction as its emoji, in context of the reacted message', () => {
    expect(inbound({ type: 'reaction', reaction: { message_id: 'wamid.OURS', emoji: '👍' } })).toMatchObject({
      kind: 'reaction',
      text: '👍',
      contextWamid: 'wamid.OURS',
    });
  });

  it('reads a removed reaction as an empty text', () => {
    expect(inbound({ type: 'reaction', reaction: { message_id: 'wamid.OURS' } })).toMatchObject({ kind: 'reaction', text: '' });
  });

  it('reads shared contacts with their formatted names as text', () => {
    const contacts = [
      { name: { formatted_name: 'Ana Gomez', first_name: 'Ana' }, phones: [{ phone: '+34 600 111 222', wa_id: '34600111222', type: 'CELL' }] },
      { name: { formatted_name: 'Bo Li' } },
    ];
    expect(inbound({ type: 'contacts', contacts })).toMatchObject({ kind: 'contacts', text: 'Ana Gomez, Bo Li', content: { contacts } });
  });

  it('reads a location pin without name or address as an empty text', () => {
    expect(inbound({ type: 'location', location: { latitude: 1.5, longitude: 2.5 } })).toMatchObject({ kind: 'location', text: '' });
  });

  it('reads a submitted WhatsApp Flow (nfm_reply) as the kind the send-flow node declares, with its answers, keeping the payload', () => {
    const interactive = { type: 'nfm_reply', nfm_reply: { name: 'flow', body: 'Sent', response_json: '{"flow_token":"t","a":1}' } };
    expect(inbound({ type: 'interactive', interactive, context: { id: 'wamid.flow' } })).toEqual({
      type: 'interactive',
      kind: 'flow_reply',
      text: 'Sent',
      data: { flow_token: 't', a: 1 },
      contextWamid: 'wamid.flow',
      content: interactive,
    });
  });

  it('reads an order as other with its text', () => {
    const order = { catalog_id: 'c1', text: 'for Friday', product_items: [{ product_retailer_id: 'sku-1', quantity: 2, item_price: 9.5, currency: 'EUR' }] };
    expect(inbound({ type: 'order', order })).toMatchObject({ kind: 'other', text: 'for Friday', content: order });
  });

  it('reads a system message as other with its body', () => {
    expect(inbound({ type: 'system', system: { body: 'User changed number', type: 'user_changed_number', new_wa_id: '16505550001' } })).toMatchObject({
      kind: 'other',
      text: 'User changed number',
      content: { body: 'User changed number', type: 'user_changed_number', new_wa_id: '16505550001' },
    });
  });

  it('reads an unsupported message as other and carries its errors', () => {
    const errors = [
      { code: 131051, title: 'Message type unknown', message: 'Message type unknown', error_data: { details: 'Message type is currently not supported.' } },
    ];
    expect(inbound({ type: 'unsupported', errors })).toStrictEqual({
      type: 'unsupported',
      kind: 'other',
      text: '',
      replyId: undefined,
      contextWamid: undefined,
      content: {},
      forwarded: undefined,
      referredProduct: undefined,
      errors: [{ code: 131051, title: 'Message type unknown', message: 'Message type unknown', details: 'Message type is currently not supported.' }],
    });
  });

  it('reads a type Tandem does not know as other, keeping its payload', () => {
    expect(inbound({ type: 'request_welcome', request_welcome: { note: 'first open' } })).toMatchObject({
      type: 'request_welcome',
      kind: 'other',
      text: '',
      content: { note: 'first open' },
    });
  });

  it('uses the button text as replyId when a quick reply has no payload', () => {
    expect(inbound({ type: 'button', button: { text: 'Yes' } })).toMatchObject({ kind: 'button', text: 'Yes', replyId: 'Yes' });
  });

  it('marks forwarded and frequently forwarded messages', () => {
    expect(inbound({ type: 'text', text: { body: 'fw' }, context: { forwarded: true } }).forwarded).toBe('forwarded');
    expect(inbound({ type: 'text', text: { body: 'fw' }, context: { frequently_forwarded: true } }).forwarded).toBe('frequently_forwarded');
  });

  it('keeps the product a "Message business" button referred to', () => {
    const context = { from: '15550783881', id: 'wamid.PRODUCT', referred_product: { catalog_id: 'cat-1', product_retailer_id: 'sku-1' } };
    expect(inbound({ type: 'text', text: { body: 'is this in stock?' }, context })).toMatchObject({
      contextWamid: 'wamid.PRODUCT',
      referredProduct: { catalogId: 'cat-1', productRetailerId: 'sku-1' },
    });
  });

  it('drops fields Meta adds that Tandem does not know', () => {
    expect(inbound({ type: 'text', text: { body: 'hi', preview_url: true }, novelty: { x: 1 } }).content).toStrictEqual({ body: 'hi' });
  });
});
