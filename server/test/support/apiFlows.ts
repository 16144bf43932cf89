/** Small flow documents for API tests, built from one-line steps. */
export const node = (id: string, type: string, data: Record<string, unknown> = {}) => ({ id, type, position: { x: 0, y: 0 }, data });
export const edge = (source: string, port: string, target: string) => ({ id: `${source}-${port}`, source, sourceHandle: port, target });
export const text = (id: string, body: string) => node(id, 'send-message', { message: { kind: 'text', text: body } });

export function flow(
  name: string,
  nodes: ReturnType<typeof node>[],
  edges: ReturnType<typeof edge>[],
  settings: Record<string, unknown> = { reentry: 'always' },
) {
  return { schemaVersion: 1, name, settings, nodes, edges };
}

/** "hi" → "What is your name?" (saved as vars.name) → "Thanks, <name>!". */
export const nameCaptureFlow = flow(
  'Name capture',
  [
    node('hi', 'trigger-message', { match: 'keywords', keywords: ['hi'] }),
    node('ask', 'bot-question', { prompt: { kind: 'text', text: 'What is your name?' }, saveTo: { scope: 'vars', name: 'name' } }),
    text('thanks', 'Thanks, {{vars.name}}!'),
  ],
  [edge('hi', 'next', 'ask'), edge('ask', 'next', 'thanks')],
);

/** "hi" → greeting → handed to the support team (1 hour to take it) → back to the bot, or "nobody free". */
export const supportFlow = flow(
  'Support',
  [
    node('hi', 'trigger-message', { match: 'keywords', keywords: ['hi'] }),
    text('hello', 'Hello {{contact.profile_name | "there"}}!'),
    node('support', 'handoff', {
      team: 'support',
      message: 'A teammate will reply shortly.',
      resume: { mode: 'on_release' },
      timeout: { amount: 1, unit: 'hours' },
    }),
    text('back', 'The bot is back. Anything else?'),
    node('resolved', 'end', { outcome: 'resolved' }),
    text('busy', 'Nobody is free right now, sorry.'),
    node('not_taken', 'end', { outcome: 'not_taken' }),
  ],
  [
    edge('hi', 'next', 'hello'),
    edge('hello', 'next', 'support'),
    edge('support', 'resolved', 'back'),
    edge('back', 'next', 'resolved'),
    edge('back', 'window_closed', 'resolved'),
    edge('support', 'timeout', 'busy'),
    edge('busy', 'next', 'not_taken'),
  ],
);

/** Started by the API with a required `order.id`: remembers it on the contact, then waits for `order.shipped` (7 days). */
export const orderFlow = flow(
  'Order follow-up',
  [
    node('start', 'trigger-api', { fields: [{ name: 'order_id', path: 'order.id', type: 'string', required: true }] }),
    node('remember', 'set-attribute', { operations: [{ target: 'contact', name: 'last_order', value: '{{trigger.order_id}}' }], addTags: ['customer'] }),
    node('wait_ship', 'wait', { mode: 'event', event: 'order.shipped', timeout: { amount: 7, unit: 'days' } }),
    node('shipped', 'end', { outcome: 'shipped' }),
    node('gave_up', 'end', { outcome: 'never_shipped' }),
  ],
  [edge('start', 'next', 'remember'), edge('remember', 'next', 'wait_ship'), edge('wait_ship', 'next', 'shipped'), edge('wait_ship', 'timeout', 'gave_up')],
);

/** `order.placed` → the utility template `order_confirmation` → end ("confirmed"): one send per event. */
export const orderConfirmationFlow = flow(
  'Order confirmation',
  [
    node('placed', 'trigger-event', { event: 'order.placed' }),
    node('confirm', 'send-template', { template: { name: 'order_confirmation', language: 'en', category: 'UTILITY' } }),
    node('done', 'end', { outcome: 'confirmed' }),
  ],
  [edge('placed', 'next', 'confirm'), edge('confirm', 'next', 'done')],
);
