import type { FlowDocumentInput } from '@tandem/shared';

/** trigger → question (buttons yes/no) → yes: message, no: end. */
export function smallFlow(): FlowDocumentInput {
  return {
    schemaVersion: 1,
    name: 'Small',
    nodes: [
      { id: 'start', type: 'trigger-message', position: { x: 0, y: 0 }, data: { match: 'keywords', keywords: ['hi'] } },
      {
        id: 'ask',
        type: 'bot-question',
        position: { x: 300, y: 0 },
        data: {
          prompt: {
            kind: 'buttons',
            body: 'Coffee?',
            buttons: [
              { id: 'yes', title: 'Yes' },
              { id: 'no', title: 'No' },
            ],
          },
          saveTo: null,
        },
      },
      { id: 'thanks', type: 'send-message', position: { x: 600, y: -100 }, data: { message: { kind: 'text', text: 'Great!' } } },
      { id: 'done', type: 'end', position: { x: 600, y: 100 }, data: {} },
    ],
    edges: [
      { id: 'e1', source: 'start', sourceHandle: 'next', target: 'ask' },
      { id: 'e2', source: 'ask', sourceHandle: 'yes', target: 'thanks' },
      { id: 'e3', source: 'ask', sourceHandle: 'no', target: 'done' },
    ],
    notes: [{ id: 'n1', position: { x: 0, y: 200 }, text: 'Hello' }],
  };
}
