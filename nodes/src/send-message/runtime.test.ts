import { describe, expect, it } from 'vitest';
import type { Scope } from '../defineRuntime';
import { sendMessage } from './definition';
import { sendMessageRuntime } from './runtime';
import { configOf } from '../../test/nodeTestKit';
import { fakeCaps } from '../../test/fakeCaps';

const scope: Scope = {
  contact: { first_name: 'Zoë', city: 'Köln' },
  vars: { coupon: 'SAVE10', empty: '' },
  trigger: { file: 'Rechnung März.pdf' },
  now: new Date('2026-03-02T09:00:00.000Z'),
};

const caps = fakeCaps();
const send = (message: Record<string, unknown>) => sendMessageRuntime.message!(configOf(sendMessage, { message }), 'message', scope, caps);

describe('send-message runtime', () => {
  it('fills the contact and journey values into a text message', () => {
    expect(send({ kind: 'text', text: 'Hi {{contact.first_name}}, your code is {{vars.coupon}}' })).toEqual({
      kind: 'text',
      text: 'Hi Zoë, your code is SAVE10',
      previewUrl: false,
    });
  });

  it('uses the fallback when a value is empty, and keeps the link preview setting', () => {
    expect(send({ kind: 'text', text: 'Hi {{contact.profile_name | "there"}}{{vars.empty}}!', previewUrl: true })).toEqual({
      kind: 'text',
      text: 'Hi there!',
      previewUrl: true,
    });
  });

  it('URL-encodes the filled-in part of a media link but not the link itself, and renders the caption', () => {
    expect(
      send({
        kind: 'media',
        mediaType: 'document',
        url: 'https://files.example/{{trigger.file}}?v=1',
        caption: 'For {{contact.city}}',
        filename: 'invoice.pdf',
      }),
    ).toEqual({
      kind: 'media',
      mediaType: 'document',
      url: 'https://files.example/Rechnung%20M%C3%A4rz.pdf?v=1',
      caption: 'For Köln',
      filename: 'invoice.pdf',
    });
  });

  it('leaves out a blank caption and an absent file name', () => {
    expect(send({ kind: 'media', mediaType: 'image', url: 'https://files.example/a.png', caption: '  ' })).toEqual({
      kind: 'media',
      mediaType: 'image',
      url: 'https://files.example/a.png',
    });
  });

  it('renders the body, header and footer of reply buttons but sends the button titles as written', () => {
    const yesNo = {
      kind: 'buttons',
      header: 'Hello {{contact.first_name}}',
      body: 'Use {{vars.coupon}} today?',
      footer: 'Reply STOP to opt out',
      buttons: [
        { id: 'yes', title: 'Yes {{vars.coupon}}' },
        { id: 'no', title: 'No' },
      ],
    };
    expect(send(yesNo)).toEqual({
      kind: 'buttons',
      header: 'Hello Zoë',
      body: 'Use SAVE10 today?',
      footer: 'Reply STOP to opt out',
      buttons: [
        { id: 'yes', title: 'Yes {{vars.coupon}}' },
        { id: 'no', title: 'No' },
      ],
    });
  });

  it('leaves out an empty header and footer of a button message', () => {
    const out = send({ kind: 'buttons', header: '', footer: ' ', body: 'Ok?', buttons: [{ id: 'ok', title: 'OK' }] });
    expect(out).toEqual({ kind: 'buttons', body: 'Ok?', buttons: [{ id: 'ok', title: 'OK' }] });
  });

  it('renders the body of a list and keeps its sections, rows and descriptions', () => {
    const slots = {
      kind: 'list',
      body: 'Pick a slot in {{contact.city}}',
      buttonLabel: 'Slots',
      sections: [
        { title: 'Morning', rows: [{ id: 'am9', title: '09:00', description: 'Front desk' }] },
        { title: 'Afternoon', rows: [{ id: 'pm2', title: '14:00' }] },
      ],
    };
    expect(send(slots)).toEqual({
      kind: 'list',
      body: 'Pick a slot in Köln',
      buttonLabel: 'Slots',
      sections: [
        { title: 'Morning', rows: [{ id: 'am9', title: '09:00', description: 'Front desk' }] },
        { title: 'Afternoon', rows: [{ id: 'pm2', title: '14:00' }] },
      ],
    });
  });

  it('leaves out the title of a single untitled list section', () => {
    const out = send({ kind: 'list', body: 'Pick', buttonLabel: 'Open', sections: [{ rows: [{ id: 'r1', title: 'One' }] }] });
    expect(out).toMatchObject({ sections: [{ rows: [{ id: 'r1', title: 'One' }] }] });
    expect(out && out.kind === 'list' ? Object.keys(out.sections[0]!) : []).toEqual(['rows']);
  });
});

describe('send-message runtime: what the engine reads', () => {
  it('waits for the send and follows its person-talking setting', () => {
    expect(sendMessageRuntime.waitingFor?.(configOf(sendMessage, sendMessage.defaults))).toEqual({ for: 'send' });
    expect(sendMessageRuntime.whenHumanActive?.(configOf(sendMessage, { ...sendMessage.defaults, whenHumanActive: 'skip' }))).toBe('skip');
  });
});
