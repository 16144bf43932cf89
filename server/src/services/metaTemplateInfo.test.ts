import { describe, expect, it } from 'vitest';
import { metaTemplateInfo, metaTemplateSchema, placeholders } from './metaTemplateInfo';

const parse = (t: Record<string, unknown>) => metaTemplateInfo(metaTemplateSchema.parse(t));

describe('metaTemplateInfo', () => {
  it('maps a named template as Meta documents it (facts §7)', () => {
    const info = parse({
      name: 'jaspers_market_order_delivery_update_named_us',
      language: 'en',
      category: 'UTILITY',
      status: 'APPROVED',
      parameter_format: 'NAMED',
      components: [
        { type: 'HEADER', format: 'TEXT', text: '{{order_type}} Update' },
        { type: 'BODY', text: 'Good news! Your order #{{order_id}} is on its way. Thank you for your order, {{customer_name}}!' },
        { type: 'BUTTONS', buttons: [{ type: 'QUICK_REPLY', text: 'On my way' }] },
      ],
    });
    expect(info).toEqual({
      name: 'jaspers_market_order_delivery_update_named_us',
      language: 'en',
      category: 'UTILITY',
      status: 'APPROVED',
      parameterFormat: 'named',
      bodyParameters: ['order_id', 'customer_name'],
      header: 'text',
      headerHasParameter: true,
      buttons: [{ type: 'QUICK_REPLY', text: 'On my way', dynamic: false }],
      text: { header: '{{order_type}} Update', body: 'Good news! Your order #{{order_id}} is on its way. Thank you for your order, {{customer_name}}!' },
    });
  });

  it('keeps the WhatsApp Flow a FLOW button opens (Meta gives flow_id as a number or a string)', () => {
    const info = parse({
      name: 'lead_form_invite',
      language: 'en',
      category: 'MARKETING',
      status: 'APPROVED',
      components: [
        { type: 'BODY', text: 'Want garden tips?' },
        { type: 'BUTTONS', buttons: [{ type: 'FLOW', text: 'Sign up', flow_id: 2814653498770231, flow_action: 'navigate', navigate_screen: 'LEAD_FORM' }] },
      ],
    });
    expect(info?.buttons).toEqual([{ type: 'FLOW', text: 'Sign up', dynamic: false, flowId: '2814653498770231' }]);
  });

  it('lists positional parameters in number order and marks buttons that need a value', () => {
    const info = parse({
      name: 'auth_code',
      language: 'en_US',
      category: 'AUTHENTICATION',
      status: 'APPROVED',
      components: [
        { type: 'HEADER', format: 'DOCUMENT' },
        { type: 'BODY', text: '{{2}} is your code for {{1}}. {{2}} again.' },
        {
          type: 'BUTTONS',
          buttons: [
            { type: 'OTP', otp_type: 'COPY_CODE', text: 'Copy code' },
            { type: 'URL', text: 'Help', url: 'https://x.example/{{1}}' },
            { type: 'CATALOG', text: 'View' },
          ],
        },
      ],
    });
    expect(info).toMatchObject({
      parameterFormat: 'positional',
      bodyParameters: ['1', '2'],
      header: 'document',
      headerHasParameter: false,
      buttons: [
        { type: 'OTP', dynamic: true },
        { type: 'URL', dynamic: true },
        { type: 'OTHER', text: 'View', dynamic: false },
      ],
    });
  });

  it('leaves out categories Tandem cannot send', () => {
    expect(parse({ name: 'x', language: 'en', category: 'MARKETING_LITE', status: 'APPROVED' })).toBeUndefined();
  });

  it('finds each placeholder once, spaces allowed', () => {
    expect(placeholders('{{ name }} and {{1}} and {{name}}')).toEqual(['name', '1']);
  });
});
