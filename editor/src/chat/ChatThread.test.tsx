import { describe, expect, it, vi } from 'vitest';
import { fireEvent, render, screen, within } from '@testing-library/react';
import type { MessageView } from '@tandem/shared/api';
import { demoTemplates } from '../../test/workspaceFixtures';
import { momentText } from '../analytics/timeWords';
import { ChatThread } from './ChatThread';
import { describeMessage } from './describeMessage';

let id = 0;
const msg = (direction: MessageView['direction'], type: string, content: Record<string, unknown>, over: Partial<MessageView> = {}): MessageView => ({
  id: ++id,
  direction,
  type,
  content,
  status: direction === 'out' ? 'sent' : 'received',
  error: null,
  wamid: null,
  runId: direction === 'out' ? 1 : null,
  nodeId: direction === 'out' ? 'step' : null,
  at: `2026-01-01T10:00:${String(id).padStart(2, '0')}.000Z`,
  ...over,
});

const cartTemplate = msg('out', 'template', {
  kind: 'template',
  name: 'cart_reminder',
  language: 'en',
  category: 'MARKETING',
  body: [{ text: 'Ana' }, { text: 'red shoes' }],
  buttons: [
    { index: 0, subType: 'quick_reply', value: 'complete' },
    { index: 1, subType: 'quick_reply', value: 'stop', optOut: true },
  ],
});
const question = msg('out', 'interactive', {
  kind: 'buttons',
  body: 'Coffee or tea?',
  buttons: [
    { id: 'coffee', title: 'Coffee' },
    { id: 'tea', title: 'Tea' },
  ],
});
const list = msg('out', 'interactive', {
  kind: 'list',
  body: 'Which time suits you?',
  buttonLabel: 'See times',
  sections: [
    {
      title: 'Tomorrow',
      rows: [
        { id: 't10', title: '10:00', description: 'Morning' },
        { id: 't15', title: '15:00' },
      ],
    },
  ],
});

describe('describeMessage', () => {
  it('renders a sent template from its approved text with the values filled in', () => {
    const r = describeMessage(cartTemplate, demoTemplates);
    expect(r).toMatchObject({ kind: 'template', known: true, body: 'Hi Ana, you left red shoes in your cart.', footer: 'Reply STOP to opt out' });
    expect(r.kind === 'template' && r.buttons).toEqual([
      { text: 'Complete my order', kind: 'quick_reply', value: 'complete' },
      { text: 'Stop promotions', kind: 'quick_reply', value: 'stop' },
    ]);
  });

  it('fills named variables by name and a text header', () => {
    const r = describeMessage(
      msg('out', 'template', {
        kind: 'template',
        name: 'welcome',
        language: 'en',
        category: 'UTILITY',
        body: [{ name: 'first_name', text: 'Ana' }],
        buttons: [],
      }),
      demoTemplates,
    );
    expect(r).toMatchObject({ kind: 'template', header: { text: 'Welcome!' }, body: 'Hello Ana!' });
  });

  it('shows the values of a template the workspace does not know', () => {
    const r = describeMessage(
      msg('out', 'template', { kind: 'template', name: 'gone', language: 'en', category: 'UTILITY', body: [{ text: 'A-1' }, { text: 'B-2' }], buttons: [] }),
      demoTemplates,
    );
    expect(r).toMatchObject({ kind: 'template', known: false, body: 'A-1 · B-2' });
  });

  it("reads the contact's payloads: text, a tapped button, a chosen row, media", () => {
    expect(describeMessage(msg('in', 'text', { body: 'hi' }))).toEqual({ kind: 'text', text: 'hi' });
    expect(describeMessage(msg('in', 'interactive', { type: 'button_reply', button_reply: { id: 'coffee', title: 'Coffee' } }))).toEqual({
      kind: 'reply',
      title: 'Coffee',
      id: 'coffee',
    });
    expect(describeMessage(msg('in', 'interactive', { type: 'list_reply', list_reply: { id: 't10', title: '10:00' } }))).toEqual({
      kind: 'reply',
      title: '10:00',
      id: 't10',
    });
    expect(describeMessage(msg('in', 'button', { text: 'Stop promotions', payload: 'stop' }))).toEqual({ kind: 'reply', title: 'Stop promotions', id: 'stop' });
    expect(describeMessage(msg('in', 'image', { caption: 'my cart', mime_type: 'image/jpeg' }))).toEqual({
      kind: 'media',
      mediaType: 'image',
      caption: 'my cart',
    });
  });
});

describe('ChatThread', () => {
  it('draws a WhatsApp conversation: the contact on the right of their phone, the bot and App replies on the left, App replies marked', () => {
    render(
      <ChatThread
        messages={[msg('in', 'text', { body: 'hi' }), msg('out', 'text', { kind: 'text', text: 'Hello!' }), msg('echo', 'text', { body: 'Anna here' })]}
        templates={[]}
        perspective="contact"
      />,
    );
    const [mine, bot, app] = screen.getAllByTestId('message');
    expect(mine!.className).toContain('tn-msg-right');
    expect(bot!.className).toContain('tn-msg-left');
    expect(app!.className).toContain('tn-msg-left');
    expect(within(app!).getByTestId('app-echo').textContent).toContain('From the Business App');
    expect(within(bot!).queryByTestId('app-echo')).toBeNull();
  });

  it("lets the contact answer only the bot's latest interactive message, with the choice's id", () => {
    const onReply = vi.fn();
    render(
      <ChatThread messages={[question, msg('in', 'text', { body: 'hmm' }), cartTemplate]} templates={demoTemplates} perspective="contact" onReply={onReply} />,
    );
    const [oldQuestion, , template] = screen.getAllByTestId('message');
    expect((within(oldQuestion!).getByRole('button', { name: 'Coffee' }) as HTMLButtonElement).disabled).toBe(true);
    expect(template!.textContent).toContain('Hi Ana, you left red shoes in your cart.');
    fireEvent.click(within(template!).getByRole('button', { name: 'Stop promotions' }));
    expect(onReply).toHaveBeenCalledWith({ id: 'stop', title: 'Stop promotions' });
  });

  it('says in plain words why a bot message did not go out', () => {
    const skipped = msg('out', 'interactive', question.content, { status: 'skipped', error: { code: 'window_closed' } });
    const held = msg('out', 'text', { kind: 'text', text: 'Your order shipped' }, { status: 'held', error: { held: 'human_active' } });
    const since = '2026-03-10T11:50:00.000Z';
    const byRule = msg(
      'out',
      'text',
      { kind: 'text', text: 'Still there?' },
      {
        status: 'held',
        error: { held: 'human_active', rule: 'pause_for', minutes: 30, since, until: '2026-03-10T12:20:00.000Z' },
      },
    );
    const byKeyword = msg(
      'out',
      'text',
      { kind: 'text', text: 'Anything else?' },
      {
        status: 'held',
        error: { held: 'human_active', rule: 'until_keyword', keyword: '#bot', since, until: null },
      },
    );
    const blocked = msg('out', 'template', cartTemplate.content, {
      status: 'blocked',
      error: { code: 'opted_out', message: 'The contact opted out of marketing messages' },
    });
    render(<ChatThread messages={[question, skipped, held, byRule, byKeyword, blocked]} templates={demoTemplates} perspective="contact" onReply={vi.fn()} />);
    expect(screen.getAllByTestId('delivery-note').map((n) => n.textContent)).toEqual([
      'Not sent: the 24-hour window is closed. Only a template can reach the contact now.',
      'Held: a teammate is talking to the contact. It goes out when that ends.',
      expect.stringMatching(
        /^Held: a person replied from the Business App at .+; this journey pauses 30 minutes after the last App reply, so it goes out at .+\.$/,
      ),
      `Held: a person replied from the Business App at ${momentText(since)}` +
        '; this journey waits until someone sends “#bot” from the App or a teammate clicks Resume automation.',
      'Not sent: the contact opted out of marketing messages.',
    ]);
    // The skipped question never reached the contact: its buttons cannot be tapped; the one that did arrive can.
    const [arrived, notSent] = screen.getAllByTestId('message');
    expect(within(notSent!).getByRole('button', { name: 'Coffee' })).toHaveProperty('disabled', true);
    expect(within(arrived!).getByRole('button', { name: 'Coffee' })).toHaveProperty('disabled', false);
  });

  it('opens a list and answers with the chosen row', () => {
    const onReply = vi.fn();
    render(<ChatThread messages={[list]} templates={[]} perspective="contact" onReply={onReply} />);
    expect(screen.queryByRole('button', { name: /15:00/ })).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: /See times/ }));
    expect(screen.getByText('Tomorrow')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: /15:00/ }));
    expect(onReply).toHaveBeenCalledWith({ id: 't15', title: '15:00' });
  });

  it("opens the bot's latest WhatsApp Flow with its token, Flow id and wamid; older Flow messages only show their button", () => {
    const flowMessage = (token: string, wamid: string) =>
      msg(
        'out',
        'interactive',
        {
          kind: 'flow',
          flowId: '2814653498770231',
          flowName: 'lead_signup',
          token,
          header: 'Lucky Shrub',
          body: 'Tell us about you',
          cta: 'Sign up',
          screen: 'LEAD_FORM',
        },
        { wamid },
      );
    const onOpenFlow = vi.fn();
    render(
      <ChatThread
        messages={[flowMessage('tandem.1.2814653498770231', 'wamid.old'), flowMessage('tandem.2.2814653498770231', 'wamid.new')]}
        templates={[]}
        perspective="contact"
        onOpenFlow={onOpenFlow}
      />,
    );
    const [old, latest] = screen.getAllByTestId('message');
    expect(latest!.textContent).toContain('Lucky Shrub');
    expect((within(old!).getByRole('button', { name: 'Sign up' }) as HTMLButtonElement).disabled).toBe(true);
    fireEvent.click(within(latest!).getByRole('button', { name: 'Sign up' }));
    expect(onOpenFlow).toHaveBeenCalledWith({
      token: 'tandem.2.2814653498770231',
      flowId: '2814653498770231',
      title: 'lead_signup',
      contextWamid: 'wamid.new',
    });
  });

  it("opens a template's Flow button with the token the step gave it", () => {
    const invite = msg(
      'out',
      'template',
      {
        kind: 'template',
        name: 'lead_invite',
        language: 'en',
        category: 'MARKETING',
        body: [],
        buttons: [{ index: 0, subType: 'flow', flowToken: 'tandem.3.2814653498770231', flowId: '2814653498770231' }],
      },
      { wamid: 'wamid.t' },
    );
    const onOpenFlow = vi.fn();
    render(<ChatThread messages={[invite]} templates={[]} perspective="contact" onOpenFlow={onOpenFlow} />);
    fireEvent.click(screen.getByRole('button', { name: 'Open form' }));
    expect(onOpenFlow).toHaveBeenCalledWith({ token: 'tandem.3.2814653498770231', flowId: '2814653498770231', title: 'Open form', contextWamid: 'wamid.t' });
  });

  it("shows the contact's submitted Flow with its answers, without the token", () => {
    const reply = msg('in', 'interactive', {
      type: 'nfm_reply',
      nfm_reply: {
        name: 'flow',
        body: 'Sent',
        response_json: JSON.stringify({ flow_token: 'tandem.2.x', name: 'Ana', interest: 'workshops', marketing_opt_in: true, days: ['mon', 'tue'] }),
      },
    });
    render(<ChatThread messages={[reply]} templates={[]} perspective="contact" />);
    const answers = screen.getByTestId('form-answers');
    expect([...answers.querySelectorAll('[data-answer]')].map((a) => [a.querySelector('dt')!.textContent, a.querySelector('dd')!.textContent])).toEqual([
      ['name', 'Ana'],
      ['interest', 'workshops'],
      ['marketing_opt_in', 'Yes'],
      ['days', 'mon, tue'],
    ]);
    expect(screen.getByTestId('message').textContent).toContain('Sent');
  });

  it('turns sides in the inbox and shows why a message failed', () => {
    render(
      <ChatThread
        messages={[
          msg('in', 'text', { body: 'hi' }),
          msg('out', 'text', { kind: 'text', text: 'Late reply' }, { status: 'failed', error: { code: 131047, message: 'Re-engagement message' } }),
        ]}
        templates={[]}
        perspective="business"
      />,
    );
    const [contact, business] = screen.getAllByTestId('message');
    expect(contact!.className).toContain('tn-msg-left');
    expect(business!.className).toContain('tn-msg-right');
    expect(business!.textContent).toContain('131047: Re-engagement message');
  });
});
