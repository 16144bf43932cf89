import { describe, expect, it } from 'vitest';
import type { FlowDocument } from '@tandem/shared';
import type { MessageView } from '@tandem/shared/api';
import cart from '../../../engine/examples/abandoned-cart.json';
import type { RunDetail } from '../workspace/types';
import { runLogLines, type Words } from './runLogWords';

const doc = cart as unknown as FlowDocument;
type Step = RunDetail['steps'][number];

let id = 0;
function step(kind: Step['kind'], at: string, fields: Partial<Step> = {}): Step {
  id += 1;
  return { id, step: 0, kind, nodeId: null, port: null, detail: null, at: `2026-03-02T${at}:00.000Z`, ...fields };
}

function templateMessage(status: string): MessageView {
  return {
    id: 1,
    direction: 'out',
    type: 'template',
    content: { kind: 'template', name: 'cart_reminder', language: 'en', category: 'MARKETING', body: [{ text: 'Ann' }], buttons: [] },
    status,
    error: null,
    wamid: 'wamid.1',
    runId: 7,
    nodeId: 'reminder',
    at: '2026-03-02T11:00:00.000Z',
  };
}

/** Each line as plain text with names in *stars*. */
function read(lines: { words: Words }[]): string[] {
  return lines.map((l) => l.words.map((w) => (typeof w === 'string' ? w : `*${w.em}*`)).join(''));
}

describe('a run log in sentences', () => {
  const started = [
    step('event', '10:00', { detail: { type: 'start', trigger: 'cart_abandoned' } }),
    step('enter', '10:00', { nodeId: 'cart_abandoned' }),
    step('port', '10:00', { nodeId: 'cart_abandoned', port: 'next' }),
    step('enter', '10:00', { nodeId: 'wait_1h' }),
    step('event', '11:00', { nodeId: 'wait_1h', detail: { type: 'timer.fired', node: 'wait_1h', timer: 'wait' } }),
    step('port', '11:00', { nodeId: 'wait_1h', port: 'next' }),
    step('enter', '11:00', { nodeId: 'reminder' }),
  ];

  it('says what started the run and how long it waited', () => {
    const lines = read(runLogLines(started, { doc, messages: [], templates: [] }));
    expect(lines.slice(0, 4)).toEqual(['Started by *Business event: Event cart.abandoned*', 'Left by *Next*', 'Reached *Wait 1 hour*', 'Waited 1 hour']);
  });

  it('names the template sent and how far it got', () => {
    const steps = [...started, step('event', '11:00', { nodeId: 'reminder', detail: { type: 'effect.result', node: 'reminder', outcome: 'ok' } })];
    const lines = runLogLines(steps, { doc, messages: [templateMessage('delivered')], templates: [] });
    expect(read(lines).at(-1)).toBe('Sent the template *cart_reminder* — delivered');
    expect(lines.at(-1)?.step).toBe('Send template: cart_reminder (en)');
  });

  it('says a message was skipped, and why, when the step went on without it', () => {
    const steps = [...started, step('event', '11:00', { nodeId: 'reminder', detail: { type: 'effect.result', node: 'reminder', outcome: 'ok' } })];
    const skipped = { ...templateMessage('skipped'), error: { code: 'human_active' } };
    const lines = runLogLines(steps, { doc, messages: [skipped], templates: [] });
    expect(read(lines).at(-1)).toBe('Did not send the template *cart_reminder*: a person replied from the Business App');
    expect(lines.at(-1)?.tone).toBe('warn');
  });

  it('ends with the message the run holds now: which rule holds it after an App reply, and until when', () => {
    const held = {
      ...templateMessage('held'),
      error: { held: 'human_active', rule: 'pause_for', minutes: 30, since: '2026-03-02T11:00:00.000Z', until: '2026-03-02T11:30:00.000Z' },
    };
    const lines = runLogLines(started, { doc, messages: [held], templates: [] });
    expect(read(lines).at(-1)).toMatch(
      /^Waiting to send the template \*cart_reminder\* — a person replied from the Business App at .+; this journey pauses 30 minutes after the last App reply, so it goes out at .+$/,
    );
    expect(lines.at(-1)).toMatchObject({ tone: 'warn', step: 'Send template: cart_reminder (en)' });
  });

  it("names the button the contact tapped by the step's own label", () => {
    const steps = [
      step('enter', '11:01', { nodeId: 'reply' }),
      step('event', '11:05', { nodeId: 'reply', detail: { type: 'message.received', text: 'Complete my order', replyId: 'complete', wamid: 'w' } }),
      step('port', '11:05', { nodeId: 'reply', port: 'complete' }),
    ];
    expect(read(runLogLines(steps, { doc, messages: [], templates: [] })).slice(1)).toEqual([
      'The contact tapped *Complete my order*',
      'Left by the button *Complete my order*',
    ]);
  });

  it('says a message was not sent because the window was closed, and leaves by "Window closed"', () => {
    const steps = [
      step('enter', '12:00', { nodeId: 'checkout_link' }),
      step('event', '12:00', { nodeId: 'checkout_link', detail: { type: 'effect.result', node: 'checkout_link', outcome: 'window_closed' } }),
      step('port', '12:00', { nodeId: 'checkout_link', port: 'window_closed' }),
    ];
    const lines = runLogLines(steps, { doc, messages: [], templates: [] });
    expect(read(lines).slice(1)).toEqual(['Not sent: the 24-hour window was closed', 'Left by *Window closed*']);
    expect(lines.map((l) => l.tone).slice(1)).toEqual(['warn', 'warn']);
  });

  it('uses the label of a timeout output ("No reply"), not its id', () => {
    const steps = [step('enter', '11:01', { nodeId: 'reply' }), step('port', '11:01', { nodeId: 'reply', port: 'timeout' })];
    expect(read(runLogLines(steps, { doc, messages: [], templates: [] })).at(-1)).toBe('Left by *No reply*');
  });

  it('says where the journey finished and with which outcome', () => {
    const steps = [
      step('enter', '12:00', { nodeId: 'converted' }),
      step('end', '12:00', { nodeId: 'converted', detail: { reason: 'end', outcome: 'link_sent' } }),
    ]; // node-name-ok: the run-log reason of an end step
    expect(read(runLogLines(steps, { doc, messages: [], templates: [] })).at(-1)).toBe('Finished at *End: link_sent* with the outcome *link_sent*');
  });

  it('says which output led nowhere when the journey ended on an unconnected one', () => {
    const steps = [
      step('port', '12:00', { nodeId: 'reminder', port: 'error' }),
      step('end', '12:00', { nodeId: 'reminder', detail: { reason: 'output "error" of reminder is not connected' } }),
    ];
    expect(read(runLogLines(steps, { doc, messages: [], templates: [] })).at(-1)).toBe(
      'Finished: nothing is connected after *Failed* of *Send template: cart_reminder (en)*',
    );
  });

  it("shows a submitted form's answers", () => {
    const steps = [step('event', '12:00', { nodeId: 'reply', detail: { type: 'message.received', text: 'Sent', data: { flow_token: 't', name: 'Sheena' } } })];
    expect(read(runLogLines(steps, { doc, messages: [], templates: [] }))).toEqual(['The contact filled in the form: *name: Sheena*']);
  });

  it('says who stopped a run', () => {
    const steps = [step('end', '12:00', { nodeId: 'wait_1h', detail: { reason: 'cancelled by ann@shop.test' } })];
    expect(read(runLogLines(steps, { doc, messages: [], templates: [] }))).toEqual(['Stopped by *ann@shop.test*']);
  });

  it('keeps the technical record of each line for the details toggle', () => {
    const port = runLogLines(started, { doc, messages: [], templates: [] }).find((l) => l.technical.startsWith('port'));
    expect(port?.technical).toBe('port · cart_abandoned · → next');
  });
});
