import { describe, expect, it } from 'vitest';
import { formatIssuePath } from './issuePath';
import { markReadSchema, outboundMessageSchema } from './outboundPayload';

const to = '+16505551234';
const base = { messaging_product: 'whatsapp', recipient_type: 'individual', to } as const;

function text(body: string) {
  return { ...base, type: 'text', text: { preview_url: true, body } };
}

function buttons(overrides: { header?: unknown; body?: string; footer?: string; buttons?: Array<{ id: string; title: string }> } = {}) {
  const list = overrides.buttons ?? [
    { id: 'change-button', title: 'Change' },
    { id: 'cancel-button', title: 'Cancel' },
  ];
  return {
    ...base,
    type: 'interactive',
    interactive: {
      type: 'button',
      ...(overrides.header !== undefined && { header: overrides.header }),
      body: { text: overrides.body ?? 'Your gardening workshop is scheduled for 9am tomorrow.' },
      ...(overrides.footer !== undefined && { footer: { text: overrides.footer } }),
      action: { buttons: list.map((reply) => ({ type: 'reply', reply })) },
    },
  };
}

type Row = { id: string; title: string; description?: string };
type Section = { title?: string; rows: Row[] };

function list(overrides: { header?: string; body?: string; footer?: string; button?: string; sections?: Section[] } = {}) {
  return {
    ...base,
    type: 'interactive',
    interactive: {
      type: 'list',
      ...(overrides.header !== undefined && { header: { type: 'text', text: overrides.header } }),
      body: { text: overrides.body ?? 'Which shipping option do you prefer?' },
      ...(overrides.footer !== undefined && { footer: { text: overrides.footer } }),
      action: {
        button: overrides.button ?? 'Shipping Options',
        sections: overrides.sections ?? [
          {
            title: 'I want it ASAP!',
            rows: [
              { id: 'priority_express', title: 'Priority Mail Express', description: 'Next Day to 2 Days' },
              { id: 'priority_mail', title: 'Priority Mail', description: '1–3 Days' },
            ],
          },
        ],
      },
    },
  };
}

function rows(count: number, prefix = 'r'): Row[] {
  return Array.from({ length: count }, (_, i) => ({ id: `${prefix}${i}`, title: `Option ${prefix}${i}` }));
}

function template(components: unknown[]) {
  return { ...base, type: 'template', template: { name: 'track_order_button', language: { code: 'en_US' }, components } };
}

function issuePaths(body: unknown): string[] {
  const result = outboundMessageSchema.safeParse(body);
  return result.success ? [] : result.error.issues.map((issue) => formatIssuePath(issue.path));
}

const x = (n: number) => 'x'.repeat(n);

const limits: Array<{ limit: string; max: number; build: (n: number) => unknown; field: string }> = [
  { limit: 'text body', max: 4096, build: (n) => text(x(n)), field: 'text.body' },
  { limit: 'buttons per message', max: 3, build: (n) => buttons({ buttons: rows(n) }), field: 'interactive.action.buttons' },
  { limit: 'button title', max: 20, build: (n) => buttons({ buttons: [{ id: 'a', title: x(n) }] }), field: 'interactive.action.buttons[0].reply.title' },
  { limit: 'button id', max: 256, build: (n) => buttons({ buttons: [{ id: x(n), title: 'Yes' }] }), field: 'interactive.action.buttons[0].reply.id' },
  { limit: 'buttons body', max: 1024, build: (n) => buttons({ body: x(n) }), field: 'interactive.body.text' },
  { limit: 'buttons text header', max: 60, build: (n) => buttons({ header: { type: 'text', text: x(n) } }), field: 'interactive.header.text' },
  { limit: 'buttons footer', max: 60, build: (n) => buttons({ footer: x(n) }), field: 'interactive.footer.text' },
  {
    limit: 'list sections',
    max: 10,
    build: (n) => list({ sections: Array.from({ length: n }, (_, i) => ({ title: `Section ${i}`, rows: rows(1, `s${i}-`) })) }),
    field: 'interactive.action.sections',
  },
  {
    limit: 'list rows across all sections',
    max: 10,
    build: (n) =>
      list({
        sections: [
          { title: 'A', rows: rows(5, 'a') },
          { title: 'B', rows: rows(n - 5, 'b') },
        ],
      }),
    field: 'interactive.action.sections',
  },
  { limit: 'list button label', max: 20, build: (n) => list({ button: x(n) }), field: 'interactive.action.button' },
  {
    limit: 'list row title',
    max: 24,
    build: (n) => list({ sections: [{ rows: [{ id: 'a', title: x(n) }] }] }),
    field: 'interactive.action.sections[0].rows[0].title',
  },
  {
    limit: 'list row id',
    max: 200,
    build: (n) => list({ sections: [{ rows: [{ id: x(n), title: 'A' }] }] }),
    field: 'interactive.action.sections[0].rows[0].id',
  },
  {
    limit: 'list row description',
    max: 72,
    build: (n) => list({ sections: [{ rows: [{ id: 'a', title: 'A', description: x(n) }] }] }),
    field: 'interactive.action.sections[0].rows[0].description',
  },
  { limit: 'list section title', max: 24, build: (n) => list({ sections: [{ title: x(n), rows: rows(2) }] }), field: 'interactive.action.sections[0].title' },
  { limit: 'list body', max: 4096, build: (n) => list({ body: x(n) }), field: 'interactive.body.text' },
  { limit: 'list header', max: 60, build: (n) => list({ header: x(n) }), field: 'interactive.header.text' },
  { limit: 'list footer', max: 60, build: (n) => list({ footer: x(n) }), field: 'interactive.footer.text' },
  {
    limit: 'media caption',
    max: 1024,
    build: (n) => ({ ...base, type: 'image', image: { link: 'https://cdn.example.com/a.jpg', caption: x(n) } }),
    field: 'image.caption',
  },
];

describe('outboundMessageSchema', () => {
  it.each(limits)('accepts the $limit at $max and rejects one more', ({ max, build, field }) => {
    expect(issuePaths(build(max))).toEqual([]);
    expect(issuePaths(build(max + 1))).toContain(field);
  });

  it('accepts the send bodies from Meta’s documentation', () => {
    const bodies = [
      text('As requested, here’s the link: https://www.meta.com/quest/quest-3/'),
      buttons({ header: { type: 'image', image: { link: 'https://cdn.example.com/workshop.jpg' } }, footer: 'Lucky Shrub' }),
      list({ header: 'Choose Shipping Option', footer: 'Lucky Shrub' }),
      template([
        { type: 'header', parameters: [{ type: 'image', image: { link: 'https://cdn.example.com/order.jpg' } }] },
        {
          type: 'body',
          parameters: [
            { type: 'text', text: 'Alex' },
            { type: 'text', text: 'A12345' },
          ],
        },
        { type: 'button', sub_type: 'url', index: '0', parameters: [{ type: 'text', text: 'A12345' }] },
        { type: 'button', sub_type: 'quick_reply', index: '1', parameters: [{ type: 'payload', payload: 'flow:123:node:7:yes' }] },
      ]),
      { ...base, type: 'document', document: { link: 'https://cdn.example.com/invoice.pdf', caption: 'Your invoice', filename: 'invoice.pdf' } },
      { ...base, type: 'audio', audio: { link: 'https://cdn.example.com/note.ogg' } },
      { ...text('Thanks!'), context: { message_id: 'wamid.HBgLMTY1MDU1NTEyMzQVAgASGBQzQTk' }, biz_opaque_callback_data: 'run:42' },
    ];
    for (const body of bodies) expect(issuePaths(body)).toEqual([]);
  });

  it('rejects a recipient without the leading + so the message cannot go to the wrong country', () => {
    expect(issuePaths({ ...text('hi'), to: '16505551234' })).toEqual(['to']);
  });

  it('rejects two buttons with the same title', () => {
    const body = buttons({
      buttons: [
        { id: 'a', title: 'Yes' },
        { id: 'b', title: 'Yes' },
      ],
    });
    expect(issuePaths(body)).toEqual(['interactive.action.buttons[1].reply.title']);
  });

  it('rejects a list header that is not text', () => {
    const body = { ...list(), interactive: { ...list().interactive, header: { type: 'image', image: { link: 'https://cdn.example.com/a.jpg' } } } };
    expect(issuePaths(body)).toContain('interactive.header.type');
  });

  it('requires section titles when a list has several sections', () => {
    const body = list({ sections: [{ title: 'A', rows: rows(1, 'a') }, { rows: rows(1, 'b') }] });
    expect(issuePaths(body)).toEqual(['interactive.action.sections[1].title']);
  });

  it('rejects a caption on audio and a media link that is not http(s)', () => {
    expect(issuePaths({ ...base, type: 'audio', audio: { link: 'https://cdn.example.com/a.ogg', caption: 'hi' } })).toEqual(['audio']);
    expect(issuePaths({ ...base, type: 'image', image: { link: 'ftp://cdn.example.com/a.jpg' } })).toEqual(['image.link']);
  });

  it('rejects misspelt fields instead of letting Meta ignore or refuse them', () => {
    expect(issuePaths({ ...base, type: 'text', text: { body: 'hi', previewUrl: true } })).toEqual(['text']);
  });

  it('accepts named template parameters and rejects mixing named with positional ones', () => {
    const named = [{ type: 'body', parameters: [{ type: 'text', parameter_name: 'customer_name', text: 'Alex' }] }];
    expect(issuePaths(template(named))).toEqual([]);
    const mixed = [
      { type: 'header', parameters: [{ type: 'text', parameter_name: 'order', text: 'A12345' }] },
      { type: 'body', parameters: [{ type: 'text', text: 'Alex' }] },
    ];
    expect(issuePaths(template(mixed))).toEqual(['template.components[1].parameters[0].parameter_name']);
  });

  it('rejects a quick-reply template button whose parameter is not a payload', () => {
    const body = template([{ type: 'button', sub_type: 'quick_reply', index: '0', parameters: [{ type: 'text', text: 'yes' }] }]);
    expect(issuePaths(body)).toContain('template.components[0].parameters[0].type');
  });
});

describe('markReadSchema', () => {
  it('accepts a read receipt with the typing indicator and rejects other statuses', () => {
    const read = { messaging_product: 'whatsapp', status: 'read', message_id: 'wamid.xxx', typing_indicator: { type: 'text' } };
    expect(markReadSchema.safeParse(read).success).toBe(true);
    expect(markReadSchema.safeParse({ ...read, status: 'delivered' }).success).toBe(false);
  });
});
