import { describe, expect, it } from 'vitest';
import { toCloudMessage } from './toCloudMessage';

const to = '+16505551234';

describe('toCloudMessage', () => {
  it('addresses a user known only by a username through their business-scoped id', () => {
    const r = toCloudMessage({ recipient: 'US.13491208655302741918' }, { kind: 'text', text: 'Hi', previewUrl: false });
    expect(r).toEqual({
      ok: true,
      message: {
        messaging_product: 'whatsapp',
        recipient_type: 'individual',
        recipient: 'US.13491208655302741918',
        type: 'text',
        text: { body: 'Hi', preview_url: false },
      },
    });
  });

  it("builds a text message with Meta's envelope", () => {
    expect(toCloudMessage({ to }, { kind: 'text', text: 'Hi Ana', previewUrl: true }, '42')).toEqual({
      ok: true,
      message: {
        messaging_product: 'whatsapp',
        recipient_type: 'individual',
        to,
        biz_opaque_callback_data: '42',
        type: 'text',
        text: { body: 'Hi Ana', preview_url: true },
      },
    });
  });

  it('builds reply buttons and lists', () => {
    const buttons = toCloudMessage(
      { to },
      {
        kind: 'buttons',
        header: 'Order',
        body: 'Pick one',
        buttons: [
          { id: 'yes', title: 'Yes' },
          { id: 'no', title: 'No' },
        ],
      },
    );
    expect(buttons.ok && buttons.message).toMatchObject({
      type: 'interactive',
      interactive: {
        type: 'button',
        header: { type: 'text', text: 'Order' },
        body: { text: 'Pick one' },
        action: {
          buttons: [
            { type: 'reply', reply: { id: 'yes', title: 'Yes' } },
            { type: 'reply', reply: { id: 'no', title: 'No' } },
          ],
        },
      },
    });
    const list = toCloudMessage(
      { to },
      { kind: 'list', body: 'When?', buttonLabel: 'Times', sections: [{ title: 'Tomorrow', rows: [{ id: 't10', title: '10:00', description: 'Morning' }] }] },
    );
    expect(list.ok && list.message).toMatchObject({
      interactive: {
        type: 'list',
        action: { button: 'Times', sections: [{ title: 'Tomorrow', rows: [{ id: 't10', title: '10:00', description: 'Morning' }] }] },
      },
    });
  });

  it('builds a template with header, named body parameters and buttons', () => {
    const r = toCloudMessage(
      { to },
      {
        kind: 'template',
        name: 'order_update',
        language: 'en_US',
        category: 'UTILITY',
        header: { type: 'image', url: 'https://cdn.example.com/box.png' },
        body: [{ name: 'order_id', text: 'A-12' }],
        buttons: [
          { index: 0, subType: 'url', value: 'A-12' },
          { index: 1, subType: 'quick_reply', value: 'help' },
          { index: 2, subType: 'copy_code', value: 'SAVE10' },
        ],
      },
    );
    expect(r.ok && r.message).toMatchObject({
      type: 'template',
      template: {
        name: 'order_update',
        language: { code: 'en_US' },
        components: [
          { type: 'header', parameters: [{ type: 'image', image: { link: 'https://cdn.example.com/box.png' } }] },
          { type: 'body', parameters: [{ type: 'text', text: 'A-12', parameter_name: 'order_id' }] },
          { type: 'button', sub_type: 'url', index: '0', parameters: [{ type: 'text', text: 'A-12' }] },
          { type: 'button', sub_type: 'quick_reply', index: '1', parameters: [{ type: 'payload', payload: 'help' }] },
          { type: 'button', sub_type: 'copy_code', index: '2', parameters: [{ type: 'coupon_code', coupon_code: 'SAVE10' }] },
        ],
      },
    });
  });

  it('refuses a message whose placeholders rendered too long or empty, naming the field', () => {
    expect(toCloudMessage({ to }, { kind: 'text', text: 'x'.repeat(4097), previewUrl: false })).toEqual({
      ok: false,
      problem: expect.stringMatching(/^text\.body: /),
    });
    const empty = toCloudMessage({ to }, { kind: 'template', name: 't', language: 'en', category: 'UTILITY', body: [{ text: '' }], buttons: [] });
    expect(empty.ok).toBe(false);
  });
});

describe('toCloudMessage: a WhatsApp Flow (kind declared by the send-flow node)', () => {
  const flow = {
    kind: 'flow' as const,
    flowId: '1187351435952145',
    flowName: 'lead_signup',
    token: 'tandem.42.1187351435952145',
    body: 'Tell us a bit about you.',
    cta: 'Sign up',
    screen: 'SIGN_UP',
  };

  it("builds Meta's interactive flow message", () => {
    expect(toCloudMessage({ to }, { ...flow, header: 'Lucky Shrub', data: { name: 'Ana' } })).toEqual({
      ok: true,
      message: {
        messaging_product: 'whatsapp',
        recipient_type: 'individual',
        to,
        type: 'interactive',
        interactive: {
          type: 'flow',
          header: { type: 'text', text: 'Lucky Shrub' },
          body: { text: 'Tell us a bit about you.' },
          action: {
            name: 'flow',
            parameters: {
              flow_message_version: '3',
              flow_token: 'tandem.42.1187351435952145',
              flow_id: '1187351435952145',
              flow_cta: 'Sign up',
              flow_action: 'navigate',
              flow_action_payload: { screen: 'SIGN_UP', data: { name: 'Ana' } },
            },
          },
        },
      },
    });
  });

  it('refuses a button label over 20 characters before Meta does', () => {
    expect(toCloudMessage({ to }, { ...flow, cta: 'x'.repeat(21) })).toEqual({
      ok: false,
      problem: 'interactive.action.parameters.flow_cta: Too big: expected string to have <=20 characters',
    });
  });

  it('fills a template Flow button with the token and the data', () => {
    const r = toCloudMessage(
      { to },
      {
        kind: 'template',
        name: 'lead_form',
        language: 'en',
        category: 'MARKETING',
        body: [],
        buttons: [{ index: 0, subType: 'flow', flowToken: 'tandem.42.1', flowActionData: { name: 'Ana' } }],
      },
    );
    expect(r.ok && r.message.type === 'template' && r.message.template.components).toEqual([
      {
        type: 'button',
        sub_type: 'flow',
        index: '0',
        parameters: [{ type: 'action', action: { flow_token: 'tandem.42.1', flow_action_data: { name: 'Ana' } } }],
      },
    ]);
  });
});
