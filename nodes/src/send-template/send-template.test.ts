import { describe, expect, it } from 'vitest';
import { sendTemplate } from './definition';
import { compileWith, configOf, issuesOf, portIds } from '../../test/nodeTestKit';

const template = { name: 'spring_sale', language: 'en_US', category: 'MARKETING' };
const withTemplate = (overrides: Record<string, unknown>) => ({ template: { ...template, ...overrides } });
const sending = (more: Record<string, unknown> = {}) => ({ template, ...more });

describe('send-template', () => {
  it('accepts its defaults: no header, parameters or opt-out button', () => {
    expect(configOf(sendTemplate, sendTemplate.defaults)).toEqual({
      template: { name: 'hello_world', language: 'en_US', category: 'UTILITY' },
      header: { type: 'none' },
      body: [],
      buttons: [],
      optOutButton: null,
      whenHumanActive: 'hold',
    });
  });

  it('rejects template names that Meta would not accept', () => {
    expect(issuesOf(sendTemplate, withTemplate({ name: 'Spring Sale' }))).toEqual([
      'template.name: template › Template: Template names use lower-case letters, digits and _',
    ]);
  });

  it('accepts language codes such as en and pt_BR but not en-US or english', () => {
    expect(issuesOf(sendTemplate, withTemplate({ language: 'en' }))).toEqual([]);
    expect(issuesOf(sendTemplate, withTemplate({ language: 'pt_BR' }))).toEqual([]);
    const message = 'template.language: template › Language: Use a language code such as en or en_US';
    expect(issuesOf(sendTemplate, withTemplate({ language: 'en-US' }))).toEqual([message]);
    expect(issuesOf(sendTemplate, withTemplate({ language: 'english' }))).toEqual([message]);
  });

  it('rejects a category Meta does not have', () => {
    expect(issuesOf(sendTemplate, withTemplate({ category: 'SERVICE' }))).toEqual([
      'template.category: template › Category: Choose one of: MARKETING, UTILITY, AUTHENTICATION',
    ]);
  });

  it('takes body parameters either all named or all positional', () => {
    expect(issuesOf(sendTemplate, sending({ body: [{ value: 'Ana' }, { value: '20%' }] }))).toEqual([]);
    expect(
      issuesOf(
        sendTemplate,
        sending({
          body: [
            { name: 'first_name', value: 'Ana' },
            { name: 'discount', value: '20%' },
          ],
        }),
      ),
    ).toEqual([]);
    expect(issuesOf(sendTemplate, sending({ body: [{ name: 'first_name', value: 'Ana' }, { value: '20%' }] }))).toEqual([
      'body: Body parameters: Name every parameter or none of them',
    ]);
  });

  it('rejects parameter names with capitals and parameters without a value', () => {
    expect(issuesOf(sendTemplate, sending({ body: [{ name: 'FirstName', value: 'Ana' }] }))).toEqual([
      'body.0.name: Body parameters › #1 › Parameter name: Lower-case letters, digits and _',
    ]);
    expect(issuesOf(sendTemplate, sending({ body: [{ value: '  ' }] }))).toEqual(['body.0.value: Body parameters › #1 › Value: Give the parameter a value']);
  });

  it('limits a text header to 60 characters', () => {
    expect(issuesOf(sendTemplate, sending({ header: { type: 'text', text: 'x'.repeat(61) } }))).toEqual([
      'header.text: header › Header value: Header value can be at most 60 characters (WhatsApp limit)',
    ]);
  });

  it('rejects two button parameters at the same position', () => {
    const buttons = [
      { index: 0, type: 'url', value: 'spring' },
      { index: 0, type: 'quick_reply', value: 'stop' },
    ];
    expect(issuesOf(sendTemplate, sending({ buttons }))).toEqual(['buttons: Button parameters: Two button parameters use the same position']);
  });

  it('only takes a quick-reply button as the opt-out button', () => {
    const message = 'optOutButton: Opt-out button: The opt-out button must be one of the quick-reply buttons below';
    expect(issuesOf(sendTemplate, sending({ optOutButton: 1 }))).toEqual([message]);
    expect(issuesOf(sendTemplate, sending({ buttons: [{ index: 1, type: 'url', value: 'x' }], optOutButton: 1 }))).toEqual([message]);
    expect(issuesOf(sendTemplate, sending({ buttons: [{ index: 1, type: 'quick_reply', value: 'stop' }], optOutButton: 1 }))).toEqual([]);
  });

  it('leaves by Sent or Failed, never by Window closed', () => {
    expect(portIds(sendTemplate, sendTemplate.defaults)).toEqual(['next', 'error']);
  });

  it('compiles to a send that leaves by the outcome WhatsApp reports', () => {
    const outcome = (o: string, port: string, target: string) => ({
      target,
      guard: { type: 'tandem.outcome', params: { node: 'n1', outcome: o } },
      actions: [
        { type: 'tandem.recordOutcome', params: { node: 'n1' } },
        { type: 'tandem.port', params: { node: 'n1', port } },
      ],
    });
    expect(compileWith(sendTemplate, sendTemplate.defaults)).toEqual({
      entry: [
        { type: 'tandem.enter', params: { node: 'n1' } },
        { type: 'tandem.send', params: { node: 'n1', purpose: 'message' } },
      ],
      on: { 'effect.result': [outcome('ok', 'next', 'next_target'), outcome('error', 'error', 'error_target')] },
    });
    expect(compileWith(sendTemplate, sendTemplate.defaults, ['next']).on?.['effect.result']?.[1]?.target).toBe('$end');
  });

  it('can be sent outside the 24-hour window and takes no time', () => {
    const config = configOf(sendTemplate, sending());
    expect(sendTemplate.analysis.freeFormSends(config)).toEqual([]);
    expect(sendTemplate.analysis.window(config, 'next')).toEqual({ kind: 'elapse', ms: 0 });
    expect(sendTemplate.analysis.waits(config)).toBe(false);
  });
});
