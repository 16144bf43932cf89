import { describe, expect, it } from 'vitest';
import type { Scope } from '../defineRuntime';
import { sendTemplate } from './definition';
import { sendTemplateRuntime } from './runtime';
import { configOf } from '../../test/nodeTestKit';
import { fakeCaps } from '../../test/fakeCaps';

const scope: Scope = {
  contact: { first_name: 'Zoë', loyalty_tier: 'gold' },
  vars: { order_path: 'orders/47 11', code: 'K3Y-9' },
  trigger: { photo: 'Sommer Schuh.jpg', total: 59.9 },
  now: new Date('2026-03-02T09:00:00.000Z'),
};

const caps = fakeCaps();
const hello = { name: 'order_update', language: 'de', category: 'UTILITY' };
const send = (data: Record<string, unknown>) => sendTemplateRuntime.message!(configOf(sendTemplate, { template: hello, ...data }), 'message', scope, caps);

describe('send-template runtime', () => {
  it('sends the approved template by name, language and category with no header, parameters or buttons by default', () => {
    expect(send({})).toEqual({ kind: 'template', name: 'order_update', language: 'de', category: 'UTILITY', body: [], buttons: [] });
  });

  it('renders positional body parameters from contact fields and trigger values, in order', () => {
    const out = send({ body: [{ value: '{{contact.first_name}}' }, { value: '{{trigger.total}} EUR' }] });
    expect(out).toMatchObject({ body: [{ text: 'Zoë' }, { text: '59.9 EUR' }] });
    expect(out && out.kind === 'template' ? out.body.map((p) => Object.keys(p)) : []).toEqual([['text'], ['text']]);
  });

  it('keeps the names of named body parameters', () => {
    const out = send({
      body: [
        { name: 'customer', value: '{{contact.first_name}}' },
        { name: 'tier', value: '{{contact.loyalty_tier}}' },
      ],
    });
    expect(out).toMatchObject({
      body: [
        { name: 'customer', text: 'Zoë' },
        { name: 'tier', text: 'gold' },
      ],
    });
  });

  it('renders a text header', () => {
    expect(send({ header: { type: 'text', text: 'Hi {{contact.first_name}}' } })).toMatchObject({ header: { type: 'text', text: 'Hi Zoë' } });
  });

  it('URL-encodes the filled-in part of a media header link but keeps the link intact', () => {
    expect(send({ header: { type: 'image', url: 'https://cdn.example/img/{{trigger.photo}}?w=800' } })).toMatchObject({
      header: { type: 'image', url: 'https://cdn.example/img/Sommer%20Schuh.jpg?w=800' },
    });
  });

  it('encodes a dynamic URL button value as one URL component, slashes included, but leaves quick replies and codes as written', () => {
    const out = send({
      buttons: [
        { index: 0, type: 'url', value: '{{vars.order_path}}' },
        { index: 1, type: 'quick_reply', value: 'track {{vars.order_path}}' },
        { index: 2, type: 'copy_code', value: '{{vars.code}}' },
      ],
    });
    expect(out).toMatchObject({
      buttons: [
        { index: 0, subType: 'url', value: 'orders%2F47%2011' },
        { index: 1, subType: 'quick_reply', value: 'track orders/47 11' },
        { index: 2, subType: 'copy_code', value: 'K3Y-9' },
      ],
    });
  });

  it('marks only the configured opt-out quick reply so tapping it records the opt-out', () => {
    const out = send({
      template: { ...hello, category: 'MARKETING' },
      buttons: [
        { index: 0, type: 'quick_reply', value: 'interested' },
        { index: 1, type: 'quick_reply', value: 'stop_promos' },
      ],
      optOutButton: 1,
    });
    expect(out && out.kind === 'template' ? out.buttons : []).toEqual([
      { index: 0, subType: 'quick_reply', value: 'interested' },
      { index: 1, subType: 'quick_reply', value: 'stop_promos', optOut: true },
    ]);
  });
});

describe('send-template runtime: what the engine reads', () => {
  it('waits for the send and follows its person-talking setting', () => {
    expect(sendTemplateRuntime.waitingFor?.(configOf(sendTemplate, sendTemplate.defaults))).toEqual({ for: 'send' });
    expect(sendTemplateRuntime.whenHumanActive?.(configOf(sendTemplate, { ...sendTemplate.defaults, whenHumanActive: 'branch' }))).toBe('branch');
  });
});
