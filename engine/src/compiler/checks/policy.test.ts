import { describe, expect, it } from 'vitest';
import { validateFlow } from '../validateFlow';
import { edge, event, flow, node } from '../../../test/flowKit';

const promo = (id: string, extra: Record<string, unknown> = {}) =>
  node(id, 'send-template', { template: { name: 'spring_sale', language: 'en', category: 'MARKETING' }, ...extra });
const optOut = (id: string) => node(id, 'set-attribute', { consent: 'opt_out' });
const optOutWarnings = (doc: unknown) =>
  validateFlow(doc)
    .diagnostics.filter((d) => d.code === 'marketing-without-opt-out')
    .map((d) => d.nodeId);

describe('checkPolicy', () => {
  it('warns about a marketing template when the flow offers no opt-out', () => {
    expect(optOutWarnings(flow([event(), promo('p')], [edge('ev', 'next', 'p')]))).toEqual(['p']);
  });

  it('accepts it when the step has its own opt-out button', () => {
    const withButton = promo('p', { buttons: [{ index: 0, type: 'quick_reply', value: 'stop' }], optOutButton: 0 });
    expect(optOutWarnings(flow([event(), withButton], [edge('ev', 'next', 'p')]))).toEqual([]);
  });

  it('accepts it when a reached step records the opt-out anywhere in the flow', () => {
    expect(optOutWarnings(flow([event(), promo('p'), optOut('o')], [edge('ev', 'next', 'p'), edge('p', 'next', 'o')]))).toEqual([]);
  });

  it('does not count an opt-out recorded by a step that can never be reached', () => {
    expect(optOutWarnings(flow([event(), promo('p'), optOut('o')], [edge('ev', 'next', 'p')]))).toEqual(['p']);
  });
});
