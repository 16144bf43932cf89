import { describe, expect, it } from 'vitest';
import { draftOfTemplate, draftProblems, emptyDraft, previewText, templateOfDraft, type TemplateDraft } from './templateDraft';

const draft = (over: Partial<TemplateDraft>): TemplateDraft => ({
  ...emptyDraft,
  name: 'order_shipped',
  body: 'Hi {{1}}, your order {{2}} ships today.',
  examples: ['Ana', 'A-17'],
  ...over,
});

describe('draftProblems', () => {
  it('accepts a complete template', () => {
    expect(draftProblems(draft({}))).toEqual({});
  });

  it('asks for a name in lowercase letters, digits and underscores', () => {
    expect(draftProblems(draft({ name: 'Order Shipped' })).name).toMatch(/lowercase letters/);
    expect(draftProblems(draft({ name: '' })).name).toBe('Give the template a name.');
  });

  it('asks to number the variables from {{1}} without gaps', () => {
    expect(draftProblems(draft({ body: 'Hi {{1}}, see {{3}} today.' })).body).toBe('Number the variables from {{1}} without gaps (found {{1}}, {{3}}).');
    expect(draftProblems(draft({ body: 'Hi {{name}} today.' })).body).toMatch(/is not a number/);
  });

  it('refuses what Meta rejects: variables side by side, or at the start or end', () => {
    expect(draftProblems(draft({ body: 'Hi {{1}}{{2}} today.' })).body).toMatch(/between two variables/);
    expect(draftProblems(draft({ body: '{{1}}, your order {{2}} ships.' })).body).toMatch(/starts or ends/);
    expect(draftProblems(draft({ body: 'Hi there, your order is {{1}}.', examples: ['A'] })).body).toMatch(/starts or ends/);
  });

  it('asks for an example of each variable', () => {
    expect(draftProblems(draft({ examples: ['Ana'] })).examples).toBe('Give an example for {{2}}: Meta reviews the template with it.');
  });

  it('checks buttons: text, length, a link for link buttons, no duplicates', () => {
    expect(draftProblems(draft({ buttons: [{ key: 0, type: 'QUICK_REPLY', text: '', url: '' }] })).buttons).toBe('Button 1 needs a text.');
    expect(draftProblems(draft({ buttons: [{ key: 0, type: 'QUICK_REPLY', text: 'x'.repeat(26), url: '' }] })).buttons).toMatch(/at most 25/);
    expect(draftProblems(draft({ buttons: [{ key: 0, type: 'URL', text: 'Track', url: 'shop' }] })).buttons).toMatch(/https/);
    const twice = [
      { key: 0, type: 'QUICK_REPLY' as const, text: 'Yes', url: '' },
      { key: 1, type: 'QUICK_REPLY' as const, text: 'yes', url: '' },
    ];
    expect(draftProblems(draft({ buttons: twice })).buttons).toMatch(/same text/);
  });
});

describe('templateOfDraft', () => {
  it('makes the template the server stores: parameters, header, buttons with dynamic links', () => {
    const t = templateOfDraft(
      draft({
        headerText: 'Good news',
        buttons: [
          { key: 0, type: 'URL', text: 'Track', url: 'https://shop.example.com/t/{{1}}' },
          { key: 1, type: 'QUICK_REPLY', text: 'Stop', url: '' },
        ],
      }),
    );
    expect(t).toMatchObject({
      bodyParameters: ['1', '2'],
      header: 'text',
      text: { header: 'Good news', body: 'Hi {{1}}, your order {{2}} ships today.' },
      buttons: [
        { type: 'URL', text: 'Track', dynamic: true },
        { type: 'QUICK_REPLY', text: 'Stop', dynamic: false },
      ],
    });
  });

  it('round-trips through draftOfTemplate (examples to fill again)', () => {
    const t = templateOfDraft(draft({ footer: 'Shop' }));
    const back = draftOfTemplate(t);
    expect(back).toMatchObject({ name: 'order_shipped', body: t.text!.body, footer: 'Shop', examples: ['', ''] });
    expect(templateOfDraft({ ...back, examples: ['a', 'b'] })).toEqual(t);
  });
});

describe('previewText', () => {
  it('fills the variables with their examples and keeps the rest', () => {
    expect(previewText('Hi {{1}}, order {{2}}', ['Ana'])).toBe('Hi Ana, order {{2}}');
  });
});
