import { describe, expect, it } from 'vitest';
import { costWords, templateSends } from './costWords';

const broadcast = {
  currency: 'USD',
  perContact: [{ market: 'Germany', cost: 0.1365 }],
  audience: 1,
  lines: [{ market: 'Germany', contacts: 1, perContact: 0.1365, free: 0, cost: 0.1365 }],
  freeContacts: 0,
  total: 0.1365,
  budget: 5,
};

describe('costWords', () => {
  it('says one contact, no free part, and the budget it stays within', () => {
    expect(costWords(broadcast, ['marketing'], 'en-US')).toMatchObject({
      summary: 'One sending to 1 contact: about $0.1365',
      budget: 'Budget $5.00',
      byMarket: null,
    });
  });

  it('gives the number and the code for a currency Intl does not know', () => {
    const words = costWords({ ...broadcast, currency: 'credits', budget: null }, ['marketing'], 'en-US');
    expect(words.summary).toBe('One sending to 1 contact: about 0.1365 credits');
    expect(words.budget).toBeNull();
  });

  it('counts a journey’s templates by category', () => {
    const journey = { ...broadcast, audience: null, lines: [], freeContacts: null, total: null, budget: null };
    expect(costWords(journey, ['utility', 'marketing', 'utility'], 'en-US').summary).toBe(
      'Each contact costs up to $0.1365 (templates: 1 marketing, 2 utility)',
    );
  });
});

describe('templateSends', () => {
  it('lists the category of each template step and skips a step whose settings do not parse', () => {
    const step = (id: string, type: string, data: Record<string, unknown>) => ({ id, type, position: { x: 0, y: 0 }, data });
    const doc = {
      nodes: [
        step('start', 'trigger-message', { match: 'keywords', keywords: ['hi'] }),
        step('code', 'send-template', { template: { name: 'login_code', language: 'en', category: 'AUTHENTICATION' } }),
        step('broken', 'send-template', { template: { name: 'Not A Name', language: 'en', category: 'MARKETING' } }),
        step('hello', 'send-message', { message: { kind: 'text', text: 'Hello' } }),
      ],
    };
    expect(templateSends(doc)).toEqual(['authentication']);
  });
});
