import { describe, expect, it } from 'vitest';
import type { InboundMessage, WaFlowInfo } from '@tandem/shared';
import { sendFlow, type SendFlowConfig } from './definition';
import { sendFlowRuntime } from './runtime';
import { flowReply } from './inbound';
import { checkSendFlow } from './checks';
import { configOf, issuesOf } from '../../test/nodeTestKit';
import { fakeCaps } from '../../test/fakeCaps';
import type { Scope } from '../defineRuntime';

const base = {
  flow: { id: '1187351435952145', name: 'lead_signup' },
  screen: 'SIGN_UP',
  body: 'Hi {{contact.first_name}}, tell us a bit about you.',
  cta: 'Sign up',
  answers: [
    { field: 'email', saveTo: { scope: 'contact', name: 'email' } },
    { field: 'interest', saveTo: { scope: 'vars', name: 'interest' } },
  ],
};
const config = (more: Record<string, unknown> = {}): SendFlowConfig => configOf(sendFlow, { ...base, ...more });
const scope: Scope = { contact: { first_name: 'Ana' }, vars: {}, trigger: {}, now: new Date('2026-12-01T10:00:00Z'), runId: '42' };
const caps = fakeCaps();
const reply = (data: Record<string, unknown>, kind = 'flow_reply'): InboundMessage => ({
  wamid: 'wamid.in.1',
  kind,
  text: 'Sent',
  data,
  at: '2026-12-01T10:01:00Z',
});

const leadSignup: WaFlowInfo = {
  id: '1187351435952145',
  name: 'lead_signup',
  status: 'PUBLISHED',
  categories: ['LEAD_GENERATION'],
  screens: [
    {
      id: 'SIGN_UP',
      title: 'Sign up',
      fields: [
        { name: 'email', label: 'Email', type: 'email', required: true, options: [] },
        { name: 'interest', label: 'Interest', type: 'choice', required: false, options: [{ id: 'plants', title: 'Plants' }] },
      ],
    },
  ],
};

describe('send-flow settings', () => {
  it('needs a Flow picked, a screen and a button label of at most 20 characters', () => {
    expect(issuesOf(sendFlow, { ...base, flow: { id: '', name: '' }, screen: '' })).toEqual([
      'flow.id: flow › WhatsApp Flow: Pick one of the WhatsApp Flows of the workspace',
      'screen: Opens on screen: A screen id of the Flow, such as WELCOME',
    ]);
    expect(issuesOf(sendFlow, { ...base, cta: 'x'.repeat(21) })).toEqual(['cta: Button label: At most 20 characters (WhatsApp limit)']);
  });

  it('refuses to save one field twice', () => {
    expect(issuesOf(sendFlow, { ...base, answers: [base.answers[0], { field: 'email', saveTo: { scope: 'vars', name: 'mail' } }] })).toEqual([
      'answers.1.field: Save answers › #2 › Flow field: "email" is saved twice',
    ]);
  });

  it('has "Window closed" only without an outside-window template, and "No answer" only with a timeout', () => {
    const ids = (c: SendFlowConfig) => sendFlow.ports(c).map((p) => p.id);
    expect(ids(config())).toEqual(['next', 'timeout', 'window_closed', 'error']);
    expect(ids(config({ timeout: null, outsideWindow: { name: 'lead_form', language: 'en', category: 'MARKETING' } }))).toEqual(['next', 'error']);
  });

  it('tells the 24-hour proof it needs the window unless a template covers the closed window', () => {
    expect(sendFlow.analysis.freeFormSends(config())).toEqual([{ what: 'The Flow', fallbackPort: 'window_closed' }]);
    expect(sendFlow.analysis.freeFormSends(config({ outsideWindow: { name: 'lead_form', language: 'en', category: 'UTILITY' } }))).toEqual([]);
    expect(sendFlow.analysis.window(config(), 'next')).toEqual({ kind: 'reset' });
  });
});

describe('send-flow runtime', () => {
  it('renders the Flow message with a token naming the run, and the Flow-button template for a closed window', () => {
    const c = config({
      data: [{ key: 'name', value: '{{contact.first_name}}' }],
      outsideWindow: { name: 'lead_form', language: 'en', category: 'MARKETING', body: ['{{contact.first_name}}'] },
    });
    expect(sendFlowRuntime.message?.(c, 'flow', scope, caps)).toEqual({
      kind: 'flow',
      flowId: '1187351435952145',
      flowName: 'lead_signup',
      token: 'tandem.42.1187351435952145',
      body: 'Hi Ana, tell us a bit about you.',
      cta: 'Sign up',
      screen: 'SIGN_UP',
      data: { name: 'Ana' },
      outsideWindow: {
        kind: 'template',
        name: 'lead_form',
        language: 'en',
        category: 'MARKETING',
        body: [{ text: 'Ana' }],
        buttons: [{ index: 0, subType: 'flow', flowToken: 'tandem.42.1187351435952145', flowId: '1187351435952145', flowActionData: { name: 'Ana' } }],
      },
    });
  });

  it("takes only this step's submitted Flow as the answer, and saves the mapped fields", () => {
    const c = config();
    expect(sendFlowRuntime.answer?.(c, reply({ flow_token: 'tandem.41.1187351435952145', email: 'a@b.co' }), scope, caps)).toEqual({
      ok: false,
      reason: 'the answers of another Flow message',
    });
    expect(sendFlowRuntime.answer?.(c, { ...reply({}), kind: 'text', data: undefined } as InboundMessage, scope, caps)).toEqual({
      ok: false,
      reason: 'not a submitted Flow',
    });
    const answer = sendFlowRuntime.answer?.(
      c,
      reply({ flow_token: 'tandem.42.1187351435952145', email: 'ana@example.com', interest: 'plants', extra: 1 }),
      scope,
      caps,
    );
    expect(answer).toEqual({ ok: true, value: { email: 'ana@example.com', interest: 'plants', extra: 1 } });
    expect(sendFlowRuntime.save?.(c, answer?.ok ? answer.value : undefined)).toEqual({ contact: { email: 'ana@example.com' }, vars: { interest: 'plants' } });
    expect(sendFlowRuntime.save?.(c, { interest: 'tools' })).toEqual({ vars: { interest: 'tools' } });
  });
});

describe('the Flow reply webhook', () => {
  it('reads an nfm_reply: the answers from response_json, the body as text', () => {
    const m = {
      type: 'interactive',
      interactive: { type: 'nfm_reply', nfm_reply: { name: 'flow', body: 'Sent', response_json: '{"flow_token":"tandem.42.1","email":"ana@example.com"}' } },
    };
    expect(flowReply.read(m)).toEqual({ text: 'Sent', data: { flow_token: 'tandem.42.1', email: 'ana@example.com' } });
    expect(flowReply.read({ type: 'interactive', interactive: { type: 'nfm_reply', nfm_reply: { response_json: '{not json' } } })).toEqual({
      text: 'Sent',
      data: {},
    });
    expect(flowReply.read({ type: 'interactive', interactive: { type: 'button_reply', button_reply: { id: 'a', title: 'A' } } })).toBeUndefined();
  });
});

describe('send-flow checks', () => {
  const ctx = { label: 'Step "Sign up"', waFlows: [leadSignup], templates: [] };
  it('names a Flow the workspace does not have', () => {
    expect(checkSendFlow(config({ flow: { id: '999', name: 'old_form' } }), ctx)).toEqual([
      {
        code: 'unknown-wa-flow',
        message: 'The WhatsApp Flow "old_form" (id 999) is not in this workspace. Pick one of its Flows, or sync them from Meta.',
        path: ['flow', 'id'],
      },
    ]);
  });

  it('flags a draft Flow, an unknown screen and a field the Flow does not have', () => {
    const c = config({ screen: 'WELCOME', answers: [{ field: 'phone', saveTo: { scope: 'vars', name: 'phone' } }] });
    expect(checkSendFlow(c, { ...ctx, waFlows: [{ ...leadSignup, status: 'DRAFT' }] }).map((f) => f.message)).toEqual([
      'The WhatsApp Flow "lead_signup" is draft, not published; WhatsApp only delivers published Flows.',
      '"lead_signup" has no screen "WELCOME"; its screens are SIGN_UP.',
      '"lead_signup" has no field "phone"; its fields are email, interest.',
    ]);
  });

  it('wants a template whose button at the position is a Flow button', () => {
    const c = config({ outsideWindow: { name: 'lead_form', language: 'en', category: 'MARKETING', buttonIndex: 0 } });
    const t = {
      name: 'lead_form',
      language: 'en',
      category: 'MARKETING' as const,
      status: 'APPROVED',
      bodyParameters: [],
      parameterFormat: 'positional' as const,
      header: 'none' as const,
      headerHasParameter: false,
    };
    expect(checkSendFlow(c, { ...ctx, templates: [{ ...t, buttons: [{ type: 'FLOW', text: 'Sign up', dynamic: false }] }] })).toEqual([]);
    expect(checkSendFlow(c, { ...ctx, templates: [{ ...t, buttons: [{ type: 'URL', text: 'Shop', dynamic: false }] }] }).map((f) => f.message)).toEqual([
      'Button 1 of "lead_form" is not a Flow button, so it cannot open the Flow.',
    ]);
    expect(
      checkSendFlow(c, { ...ctx, templates: [{ ...t, buttons: [{ type: 'FLOW', text: 'Book', dynamic: false, flowId: '1052938476610384' }] }] }).map(
        (f) => f.message,
      ),
    ).toEqual(['The Flow button of "lead_form" opens another WhatsApp Flow (id 1052938476610384), not lead_signup.']);
    expect(
      checkSendFlow(c, { ...ctx, templates: [{ ...t, buttons: [{ type: 'FLOW', text: 'Sign up', dynamic: false, flowId: '1187351435952145' }] }] }),
    ).toEqual([]);
  });
});
