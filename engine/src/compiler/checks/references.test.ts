import { describe, expect, it } from 'vitest';
import { validateFlow } from '../validateFlow';
import { edge, event, flow, inbound, node, question, text } from '../../../test/flowKit';

const problems = (doc: unknown, options = {}) =>
  validateFlow(doc, options)
    .diagnostics.filter((d) => d.severity === 'error')
    .map((d) => `${d.code}@${d.nodeId}: ${d.message}`);

const saveVar = (id: string, name: string) => node(id, 'set-attribute', { operations: [{ target: 'vars', name, value: 'x' }] });
const condition = (id: string) => node(id, 'condition', { branches: [{ id: 'yes', label: 'Yes', expression: 'contact.orders_count > 1' }] });

describe('variable references', () => {
  it('accepts a journey variable set on every path, and flags one set on only one branch', () => {
    const nodes = [inbound(), condition('c'), saveVar('a', 'offer'), saveVar('b', 'offer'), text('m', 'Your offer: {{vars.offer}}')];
    const both = [edge('t', 'next', 'c'), edge('c', 'yes', 'a'), edge('c', 'else', 'b'), edge('a', 'next', 'm'), edge('b', 'next', 'm')];
    const settings = { attributes: [{ name: 'orders_count', type: 'number' }] };
    expect(problems(flow(nodes, both, settings))).toEqual([]);
    const one = [edge('t', 'next', 'c'), edge('c', 'yes', 'a'), edge('c', 'else', 'm'), edge('a', 'next', 'm')];
    expect(
      problems(
        flow(
          nodes.filter((n) => n.id !== 'b'),
          one,
          settings,
        ),
      ),
    ).toEqual([
      'variable-maybe-unset@m: Message › Text: vars.offer is not set on every path to this step. Set it on every path, add a fallback ({{ vars.offer | "…" }}) or check has(vars.offer) first',
    ]);
  });

  it('accepts a maybe-unset variable with a fallback or behind has()', () => {
    const settings = { attributes: [{ name: 'orders_count', type: 'number' }] };
    const nodes = [
      inbound(),
      condition('c'),
      saveVar('a', 'offer'),
      text('m', 'Offer: {{vars.offer | "none today"}}'),
      node('c2', 'condition', { branches: [{ id: 'has', label: 'Has offer', expression: 'has(vars.offer) && vars.offer != ""' }] }),
      text('m2', '{{has(vars.offer) ? vars.offer : "no offer"}}'),
    ];
    const edges = [
      edge('t', 'next', 'c'),
      edge('c', 'yes', 'a'),
      edge('c', 'else', 'm'),
      edge('a', 'next', 'm'),
      edge('m', 'next', 'c2'),
      edge('c2', 'has', 'm2'),
    ];
    expect(problems(flow(nodes, edges, settings))).toEqual([]);
  });

  it('makes an answer available after the answer output, not after "no reply"', () => {
    const q = question('q', { saveTo: { scope: 'vars', name: 'email' }, answerType: 'email', timeout: { amount: 1, unit: 'hours' } });
    const doc = flow(
      [inbound(), q, text('thanks', 'Thanks, we will write to {{vars.email}}'), text('late', 'We did not get {{vars.email}}')],
      [edge('t', 'next', 'q'), edge('q', 'next', 'thanks'), edge('q', 'timeout', 'late')],
    );
    expect(problems(doc).map((p) => p.split(':')[0])).toEqual(['variable-maybe-unset@late']);
  });

  it('knows the fields each trigger provides', () => {
    const doc = flow(
      [
        node('ev', 'trigger-event', { event: 'cart.abandoned', fields: [{ name: 'cart_url', path: 'cart.url' }] }),
        node('tpl', 'send-template', {
          template: { name: 'x', language: 'en', category: 'UTILITY' },
          body: [{ value: '{{trigger.cart_url}} {{trigger.text}}' }],
        }),
      ],
      [edge('ev', 'next', 'tpl')],
    );
    expect(problems(doc)).toEqual(['unknown-variable@tpl: Body parameters › #1 › Value: No trigger of this flow provides trigger.text']);
  });

  it('lets workspace attributes and attributes set by the flow be read anywhere', () => {
    const doc = flow(
      [
        inbound(),
        text('m', '{{contact.loyalty_tier}} {{contact.city}}'),
        node('s', 'set-attribute', { operations: [{ target: 'contact', name: 'city', value: 'Berlin' }] }),
      ],
      [edge('t', 'next', 'm'), edge('m', 'next', 's')],
    );
    expect(problems(doc, { attributes: [{ name: 'loyalty_tier', type: 'string' }] })).toEqual([]);
    expect(problems(doc).map((p) => p.split(':')[0])).toEqual(['unknown-variable@m']);
  });

  it("allows `answer` only in a question's own validation", () => {
    const ok = question('q', { answerType: 'number', validation: { expression: 'answer > 0 && answer < 100' } });
    const doc = flow(
      [event(), ok, node('c', 'condition', { branches: [{ id: 'x', label: 'X', expression: 'answer > 1' }] })],
      [edge('ev', 'next', 'q'), edge('q', 'next', 'c')],
    );
    expect(problems(doc).filter((p) => p.includes('answer'))).toEqual([
      'unknown-variable@c: Branches › #1 › When: "answer" is not something a flow can read. Start with contact., vars., trigger. or now',
    ]);
  });
});

describe('variables available at a step (editor autocomplete)', () => {
  it('lists contact fields, trigger fields and the journey variables set on every path', () => {
    const q = question('q', { saveTo: { scope: 'vars', name: 'email' }, answerType: 'email', timeout: { amount: 1, unit: 'hours' } });
    const doc = flow(
      [inbound(), q, text('thanks', 'Thanks'), text('late', 'Late')],
      [edge('t', 'next', 'q'), edge('q', 'next', 'thanks'), edge('q', 'timeout', 'late')],
    );
    const result = validateFlow(doc);
    expect(result.variablesAt('thanks').vars).toEqual(['email']);
    expect(result.variablesAt('late').vars).toEqual([]);
    expect(result.variablesAt('thanks').trigger).toContain('text');
    expect(result.variablesAt('thanks').contact).toEqual(expect.arrayContaining(['first_name', 'window_open']));
  });
});
