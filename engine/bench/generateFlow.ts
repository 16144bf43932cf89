/**
 * A realistic synthetic journey of about `size` steps: repeated blocks of a question with three
 * buttons, messages with placeholders, conditions, waits, templates, HTTP calls and handoffs.
 */
export function generateFlow(size: number): Record<string, unknown> {
  const nodes: Record<string, unknown>[] = [];
  const edges: Record<string, unknown>[] = [];
  const add = (id: string, type: string, data: Record<string, unknown>) => nodes.push({ id, type, position: { x: nodes.length * 40, y: 0 }, data });
  const link = (source: string, port: string, target: string) => edges.push({ id: `e${edges.length}`, source, sourceHandle: port, target });

  add('start', 'trigger-message', { match: 'keywords', keywords: ['start'] });
  let previous = { node: 'start', port: 'next' };
  const blocks = Math.max(1, Math.round((size - 2) / 9));
  for (let i = 0; i < blocks; i++) {
    const q = `q${i}`;
    add(q, 'bot-question', {
      prompt: {
        kind: 'buttons',
        body: `Question ${i} for {{contact.first_name | "you"}}?`,
        buttons: [
          { id: 'a', title: 'A' },
          { id: 'b', title: 'B' },
          { id: 'c', title: 'C' },
        ],
      },
      saveTo: { scope: 'vars', name: `answer_${i}` },
      timeout: { amount: 1, unit: 'hours' },
    });
    link(previous.node, previous.port, q);
    add(`m${i}`, 'send-message', { message: { kind: 'text', text: `You said {{vars.answer_${i}}}, {{contact.first_name | "friend"}}` } });
    add(`c${i}`, 'condition', { branches: [{ id: 'many', label: 'Many orders', expression: `contact.orders_count > ${i} && "vip" in contact.tags` }] });
    add(`s${i}`, 'set-attribute', { operations: [{ target: 'vars', name: `seen_${i}`, value: `{{vars.answer_${i}}}` }], addTags: [`block_${i}`] });
    add(`w${i}`, 'wait', { mode: 'duration', duration: { amount: 2, unit: 'hours' } });
    add(`t${i}`, 'send-template', { template: { name: 'nudge', language: 'en', category: 'UTILITY' }, body: [{ value: '{{contact.first_name | "there"}}' }] });
    add(`h${i}`, 'http-request', {
      method: 'POST',
      url: 'https://crm.example.com/events',
      body: `{"answer": "{{vars.answer_${i}}}", "phone": "{{contact.phone}}"}`,
    });
    add(`x${i}`, 'handoff', { team: 'support', message: 'A teammate will reply', resume: { mode: 'on_release' }, timeout: { amount: 1, unit: 'hours' } });
    const join = `j${i}`;
    add(join, 'set-attribute', { addTags: [`done_${i}`] });
    link(q, 'a', `m${i}`);
    link(`m${i}`, 'next', `c${i}`);
    link(`c${i}`, 'many', `s${i}`);
    link(`c${i}`, 'else', `w${i}`);
    link(`w${i}`, 'next', `t${i}`);
    link(`t${i}`, 'next', join);
    link(`s${i}`, 'next', join);
    link(q, 'b', `h${i}`);
    link(`h${i}`, 'next', join);
    link(`h${i}`, 'error', `x${i}`);
    link(q, 'c', join);
    previous = { node: join, port: 'next' };
  }
  add('done', 'end', { outcome: 'finished' });
  link(previous.node, previous.port, 'done');
  return {
    schemaVersion: 1,
    name: `Generated ${size}`,
    settings: { attributes: [{ name: 'orders_count', type: 'number' }] },
    nodes,
    edges,
  };
}
