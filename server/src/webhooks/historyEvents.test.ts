import { describe, expect, it } from 'vitest';
import { parseWhatsAppWebhook } from './parseWhatsAppWebhook';
import { bodyWith, fixtureJson } from './testFixtures';

const WABA = '102290129340398';
const PNID = '106540352242922';
const metadata = { display_phone_number: '15550783881', phone_number_id: PNID };

function eventsOf(body: unknown) {
  const result = parseWhatsAppWebhook(body);
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  return result.changes.flatMap((change) => change.events);
}

describe('historyEvents', () => {
  it('reads a history chunk with its threads, telling business messages from the user', () => {
    expect(parseWhatsAppWebhook(fixtureJson('history-chunk'))).toStrictEqual({
      ok: true,
      ignored: [],
      changes: [
        {
          phoneNumberId: PNID,
          wabaId: WABA,
          field: 'history',
          events: [
            {
              eventType: 'history_chunk',
              phase: 0,
              chunkOrder: 1,
              progress: 55,
              threads: [
                {
                  waId: '16505551234',
                  messages: [
                    {
                      wamid: 'wamid.HBgLMTY0NjcwNDM1OTUVAgARGBIyNDlBOEI5QUQ4NDc0N0FCNjMA',
                      fromBusiness: true,
                      at: '2025-02-10T23:42:35.000Z',
                      type: 'text',
                      kind: 'text',
                      text: "Here's the info you requested! https://www.meta.com/quest/quest-3/",
                      content: { body: "Here's the info you requested! https://www.meta.com/quest/quest-3/" },
                      status: 'READ',
                    },
                    {
                      wamid: 'wamid.QyNUEHBgLMTY0NjcwNDM1OTUVAgARGBI1Rj3NEYxMzAzMzQ5MkEA',
                      fromBusiness: true,
                      at: '2025-02-10T23:42:50.000Z',
                      type: 'media_placeholder',
                      kind: 'other',
                      text: '',
                      content: {},
                      status: 'PLAYED',
                    },
                    {
                      wamid: 'wamid.N0FCNjMAHBgLMTY0NjcwNDM1OTUVAgARGBIyNDlBOEI5QUQ4NDc0',
                      fromBusiness: false,
                      at: '2025-02-10T23:42:50.000Z',
                      type: 'text',
                      kind: 'text',
                      text: 'Thanks!',
                      content: { body: 'Thanks!' },
                      status: 'READ',
                    },
                  ],
                },
              ],
            },
          ],
        },
      ],
    });
  });

  it('reads the media follow-up, which comes under field history as a messages array', () => {
    expect(parseWhatsAppWebhook(fixtureJson('history-media'))).toStrictEqual({
      ok: true,
      ignored: [],
      changes: [
        {
          phoneNumberId: PNID,
          wabaId: WABA,
          field: 'history',
          events: [
            {
              eventType: 'history_media',
              wamid: 'wamid.QyNUEHBgLMTY0NjcwNDM1OTUVAgARGBI1Rj3NEYxMzAzMzQ5MkEA',
              from: { waId: '16505551234' },
              at: '2025-02-05T23:02:27.000Z',
              type: 'image',
              kind: 'media',
              text: 'Black Prince echeveria',
              content: {
                caption: 'Black Prince echeveria',
                mime_type: 'image/jpeg',
                sha256: '3f9d94d399fa61c191bc1d4ca71375a035cd9b9f5b1128e1f0963a415c16b0cc',
                id: '24230790383178626',
              },
            },
          ],
        },
      ],
    });
  });

  it('reads 2593109 (history sharing turned off) as a history_error', () => {
    expect(parseWhatsAppWebhook(fixtureJson('history-error-2593109'))).toStrictEqual({
      ok: true,
      ignored: [],
      changes: [
        {
          phoneNumberId: PNID,
          wabaId: WABA,
          field: 'history',
          events: [{ eventType: 'history_error', code: 2593109, title: 'History sync is turned off by the business from the WhatsApp Business App' }],
        },
      ],
    });
  });

  it('accepts the error variant without value metadata, with no phone number id', () => {
    const result = parseWhatsAppWebhook(bodyWith('history', { messaging_product: 'whatsapp', history: [{ errors: [{ code: 2593109, title: 'off' }] }] }));
    expect(result).toMatchObject({ ok: true, changes: [{ phoneNumberId: null, events: [{ eventType: 'history_error', code: 2593109 }] }] });
  });

  it('marks a message with `to` as sent by the business', () => {
    const value = {
      metadata,
      history: [
        {
          metadata: { phase: 1, chunk_order: 3, progress: 100 },
          threads: [
            {
              id: '16505551234',
              messages: [{ from: '15550783881', to: '16505551234', id: 'wamid.H1', timestamp: '1739230955', type: 'text', text: { body: 'hi' } }],
            },
          ],
        },
      ],
    };
    expect(eventsOf(bodyWith('history', value))).toMatchObject([{ phase: 1, chunkOrder: 3, progress: 100, threads: [{ messages: [{ fromBusiness: true }] }] }]);
  });

  it('compares the business number by digits when the display number is formatted', () => {
    const value = {
      metadata: { display_phone_number: '+1 555-078-3881', phone_number_id: PNID },
      history: [
        {
          metadata: { phase: 2, chunk_order: 1, progress: 10 },
          threads: [
            {
              id: '16505551234',
              messages: [
                { from: '15550783881', id: 'wamid.B', timestamp: '1739230955', type: 'text', text: { body: 'from us' } },
                { from: '16505551234', id: 'wamid.U', timestamp: '1739230956', type: 'text', text: { body: 'from them' } },
              ],
            },
          ],
        },
      ],
    };
    expect(eventsOf(bodyWith('history', value))).toMatchObject([{ threads: [{ messages: [{ fromBusiness: true }, { fromBusiness: false }] }] }]);
  });

  it('reads every chunk of a body, in payload order (Meta does not deliver them in order)', () => {
    const chunk = (order: number) => ({ metadata: { phase: 1, chunk_order: order, progress: order * 10 }, threads: [] });
    const events = eventsOf(bodyWith('history', { metadata, history: [chunk(2), chunk(1)] }));
    expect(events.map((event) => (event.eventType === 'history_chunk' ? event.chunkOrder : null))).toStrictEqual([2, 1]);
  });

  it('reads a 3 MB chunk, the most Meta sends, to its last message', () => {
    const messages = Array.from({ length: 12_000 }, (_, i) => ({
      from: i % 2 === 0 ? '16505551234' : '15550783881',
      id: `wamid.BIG.${i}`,
      timestamp: '1739230955',
      type: 'text',
      text: { body: 'x'.repeat(150) },
      history_context: { status: 'READ' },
    }));
    const raw = JSON.stringify(
      bodyWith('history', { metadata, history: [{ metadata: { phase: 1, chunk_order: 7, progress: 40 }, threads: [{ id: '16505551234', messages }] }] }),
    );
    expect(raw.length).toBeGreaterThan(3_000_000);
    const [chunk] = eventsOf(JSON.parse(raw));
    const thread = chunk?.eventType === 'history_chunk' ? chunk.threads[0] : undefined;
    expect(thread?.messages).toHaveLength(12_000);
    expect(thread?.messages.at(-1)).toMatchObject({ wamid: 'wamid.BIG.11999', fromBusiness: true, text: 'x'.repeat(150) });
  });

  it('rejects threads without chunk metadata', () => {
    const result = parseWhatsAppWebhook(bodyWith('history', { metadata, history: [{ threads: [] }] }));
    expect(result).toStrictEqual({
      ok: false,
      issues: [
        {
          path: ['entry', 0, 'changes', 0, 'value', 'history', 0, 'metadata'],
          message: 'a history chunk with threads carries metadata (phase, chunk_order, progress)',
          code: 'custom',
        },
      ],
    });
  });
});
