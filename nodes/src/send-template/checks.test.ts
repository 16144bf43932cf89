import { describe, expect, it } from 'vitest';
import { templateInfoSchema } from '@tandem/shared';
import { checkSendTemplate } from './checks';
import { sendTemplate } from './definition';
import { configOf } from '../../test/nodeTestKit';

const step = (more: Record<string, unknown> = {}) =>
  configOf(sendTemplate, { template: { name: 'spring_sale', language: 'en_US', category: 'MARKETING' }, body: [{ value: '{{ contact.name }}' }], ...more });
const info = (more: Record<string, unknown> = {}) =>
  templateInfoSchema.parse({ name: 'spring_sale', language: 'en_US', category: 'MARKETING', bodyParameters: ['1'], ...more });
const check = (config = step(), templates = [info()]) => checkSendTemplate(config, { templates, label: 'Send template' });

describe('checkSendTemplate', () => {
  it('finds nothing when the step matches the approved template', () => {
    expect(check()).toEqual([]);
  });

  it('checks nothing when the workspace templates are not known', () => {
    expect(checkSendTemplate(step(), { label: 'Send template' })).toEqual([]);
  });

  it('reports a missing template and the languages it exists in', () => {
    expect(check(step(), [info({ language: 'de' }), info({ language: 'fr' })])).toEqual([
      {
        code: 'unknown-template',
        message: 'Template "spring_sale" in en_US does not exist in this workspace. It exists in: de, fr.',
        path: ['template', 'name'],
      },
    ]);
    expect(check(step(), [])).toEqual([
      { code: 'unknown-template', message: 'Template "spring_sale" in en_US does not exist in this workspace.', path: ['template', 'name'] },
    ]);
  });

  it('flags button settings made for another copy of the template (a flow cloned to a brand with 2 buttons instead of 3)', () => {
    const three = step({
      buttons: [
        { index: 0, type: 'quick_reply', value: 'yes' },
        { index: 1, type: 'quick_reply', value: 'later' },
        { index: 2, type: 'quick_reply', value: 'stop' },
      ],
      optOutButton: 2,
    });
    const sourceBrand = info({ buttons: ['Yes', 'Later', 'Stop promotions'].map((text) => ({ type: 'QUICK_REPLY', text })) });
    expect(check(three, [sourceBrand])).toEqual([]);
    const targetBrand = info({
      buttons: [
        { type: 'QUICK_REPLY', text: 'Yes' },
        { type: 'URL', text: 'Shop now' },
      ],
    });
    expect(check(three, [targetBrand])).toEqual([
      { code: 'template-parameters', message: 'Button 2 of "spring_sale" ("Shop now") is not a quick-reply button.', path: ['buttons', 1, 'type'] },
      {
        code: 'template-parameters',
        message: '"spring_sale" has 2 button(s); there is no button 3 to fill. Remove this button setting.',
        path: ['buttons', 2, 'index'],
      },
      {
        code: 'template-parameters',
        message: 'The opt-out is set to button 3, which "spring_sale" does not have: tapping it would not record the opt-out. Its quick replies: 1 ("Yes").',
        path: ['optOutButton'],
      },
    ]);
  });

  it('reports a template that is not approved', () => {
    expect(check(step(), [info({ status: 'PAUSED' })])).toEqual([
      {
        code: 'unknown-template',
        message: 'Template "spring_sale" (en_US) is paused, not approved; WhatsApp will refuse it.',
        path: ['template', 'name'],
      },
    ]);
  });

  it('reports a category that differs from what Meta lists', () => {
    expect(check(step(), [info({ category: 'UTILITY' })])).toEqual([
      { code: 'template-parameters', message: 'Meta lists "spring_sale" as UTILITY, but the step says MARKETING.', path: ['template', 'category'] },
    ]);
  });

  it('reports a body that fills the wrong number of variables', () => {
    expect(check(step(), [info({ bodyParameters: ['1', '2'] })])).toEqual([
      { code: 'template-parameters', message: '"spring_sale" has 2 body variable(s); the step fills 1.', path: ['body'] },
    ]);
  });

  it('reports named variables the step does not fill', () => {
    expect(check(step({ body: [{ name: 'first_name', value: 'x' }] }), [info({ bodyParameters: ['customer'], parameterFormat: 'named' })])).toEqual([
      { code: 'template-parameters', message: '"spring_sale" needs the named variable(s) customer.', path: ['body'] },
    ]);
  });

  it('reports a dynamic button without a value', () => {
    const buttons = [
      { type: 'QUICK_REPLY', text: 'Stop promotions' },
      { type: 'URL', text: 'Shop now', dynamic: true },
    ];
    expect(check(step(), [info({ buttons })])).toEqual([
      { code: 'template-parameters', message: 'Button 2 ("Shop now") of "spring_sale" needs a value.', path: ['buttons'] },
    ]);
    expect(check(step({ buttons: [{ index: 1, type: 'url', value: 'spring' }] }), [info({ buttons })])).toEqual([]);
  });

  it('reports a header that does not match the template', () => {
    expect(check(step(), [info({ header: 'image' })])).toEqual([
      { code: 'template-parameters', message: '"spring_sale" has an image header; set the header to image.', path: ['header'] },
    ]);
    expect(check(step(), [info({ header: 'video' })])[0]?.message).toBe('"spring_sale" has a video header; set the header to video.');
    expect(check(step({ header: { type: 'text', text: 'Hi' } }), [info({ header: 'text' })])).toEqual([
      { code: 'template-parameters', message: '"spring_sale" has no header variable; set the header to none.', path: ['header'] },
    ]);
    expect(check(step(), [info({ header: 'location' })])).toEqual([]);
  });
});

describe('send-template policy', () => {
  it('declares a marketing send and whether the step offers the opt-out itself', () => {
    expect(sendTemplate.policy?.marketing?.(step())).toEqual({ template: 'spring_sale', hasOptOut: false });
    const withOptOut = step({ buttons: [{ index: 0, type: 'quick_reply', value: 'stop' }], optOutButton: 0 });
    expect(sendTemplate.policy?.marketing?.(withOptOut)).toEqual({ template: 'spring_sale', hasOptOut: true });
  });

  it('declares no marketing send for utility templates', () => {
    expect(sendTemplate.policy?.marketing?.(configOf(sendTemplate, sendTemplate.defaults))).toBeUndefined();
  });

  it('checks the step against the workspace templates', () => {
    expect(sendTemplate.policy?.check).toBe(checkSendTemplate);
  });
});
