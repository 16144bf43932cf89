import type { TemplateInfo } from '@tandem/shared';

const qr = (text: string) => ({ type: 'QUICK_REPLY' as const, text, dynamic: false });
const utility = (name: string, body: string, params: number, extra: Partial<TemplateInfo> = {}): TemplateInfo => ({
  name,
  language: 'en',
  category: 'UTILITY',
  status: 'APPROVED',
  parameterFormat: 'positional',
  bodyParameters: Array.from({ length: params }, (_, i) => String(i + 1)),
  header: 'none',
  headerHasParameter: false,
  buttons: [],
  text: { body },
  ...extra,
});

/** Templates of the demo workspace, matching the example journeys. */
export const demoTemplates: TemplateInfo[] = [
  {
    ...utility('cart_reminder', 'Hi {{1}}, you left {{2}} in your cart. Want to complete your order?', 2, {
      buttons: [qr('Complete my order'), qr('I have a question'), qr('Stop promotions')],
    }),
    category: 'MARKETING',
    text: { body: 'Hi {{1}}, you left {{2}} in your cart. Want to complete your order?', footer: 'Reply STOP to opt out' },
  },
  utility('order_confirmation', 'Thanks {{1}}! Order {{2}} is confirmed. Total: {{3}}.', 3),
  utility('order_shipped', 'Order {{1}} is on its way. Track it below.', 1, { buttons: [{ type: 'URL', text: 'Track order', dynamic: true }] }),
  utility('order_delivered', 'Order {{1}} was delivered. Enjoy!', 1),
  utility('order_delayed', 'Order {{1}} is taking longer than planned. We are on it and will update you.', 1),
  utility('appointment_reminder_day', 'Reminder: your appointment is {{1}}. See you then!', 1),
  utility('appointment_reminder_soon', 'Your appointment {{1}} starts in 2 hours.', 1),
  utility('delivery_feedback', 'Hi {{1}}, how do you like {{2}}?', 2, { buttons: [qr('Loved it'), qr("It's okay"), qr('Not happy')] }),
  utility('hello_world', 'Hello World', 0),
];
