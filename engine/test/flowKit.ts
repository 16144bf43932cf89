/** Builds small flow documents for tests: `node('w', 'wait', {...})`, `edge('a', 'next', 'b')`. */
export function node(id: string, type: string, data: Record<string, unknown> = {}) {
  return { id, type, position: { x: 0, y: 0 }, data };
}

export function edge(source: string, port: string, target: string) {
  return { id: `${source}-${port}-${target}`, source, sourceHandle: port, target };
}

export function flow(nodes: ReturnType<typeof node>[], edges: ReturnType<typeof edge>[], settings: Record<string, unknown> = {}) {
  return { schemaVersion: 1, name: 'Test flow', settings, nodes, edges };
}

export const inbound = (id = 't') => node(id, 'trigger-message', { match: 'any' });
export const event = (id = 'ev') => node(id, 'trigger-event', { event: 'cart.abandoned' });
export const text = (id: string, body = 'Hello') => node(id, 'send-message', { message: { kind: 'text', text: body } });
export const template = (id: string) => node(id, 'send-template', { template: { name: 'nudge', language: 'en', category: 'UTILITY' } });
export const waitHours = (id: string, amount: number) => node(id, 'wait', { mode: 'duration', duration: { amount, unit: 'hours' } });
export const question = (id: string, extra: Record<string, unknown> = {}) =>
  node(id, 'bot-question', { prompt: { kind: 'text', text: 'Yes or no?' }, answerType: 'text', ...extra });
