import { describe, expect, it } from 'vitest';
import { sendMessage } from './definition';
import { compileWith, configOf, issuesOf, portIds } from '../../test/nodeTestKit';

const button = (id: string, title: string) => ({ id, title });
const buttons = (...bs: { id: string; title: string }[]) => ({ message: { kind: 'buttons', body: 'Pick one', buttons: bs } });
const rows = (prefix: string, n: number) => Array.from({ length: n }, (_, i) => ({ id: `${prefix}${i}`, title: `${prefix} ${i}` }));
const list = (...sections: { title?: string; rows: { id: string; title: string }[] }[]) => ({
  message: { kind: 'list', body: 'Pick one', buttonLabel: 'Menu', sections },
});

describe('send-message', () => {
  it('accepts its defaults: a greeting without link preview', () => {
    expect(configOf(sendMessage, sendMessage.defaults)).toEqual({
      message: { kind: 'text', text: 'Hi {{contact.profile_name | "there"}}!', previewUrl: false },
      whenHumanActive: 'hold',
    });
  });

  it('takes text up to 4096 characters and not a blank text', () => {
    expect(issuesOf(sendMessage, { message: { kind: 'text', text: 'x'.repeat(4096) } })).toEqual([]);
    expect(issuesOf(sendMessage, { message: { kind: 'text', text: 'x'.repeat(4097) } })).toEqual([
      'message.text: Message › Text: Text can be at most 4096 characters (WhatsApp limit)',
    ]);
    expect(issuesOf(sendMessage, { message: { kind: 'text', text: '  ' } })).toEqual(['message.text: Message › Text: Write the message']);
  });

  it('allows at most 3 reply buttons', () => {
    expect(issuesOf(sendMessage, buttons(button('a', 'A'), button('b', 'B'), button('c', 'C'), button('d', 'D')))).toEqual([
      'message.buttons: Message › Buttons: WhatsApp allows at most 3 reply buttons',
    ]);
  });

  it('limits button titles to 20 characters and the body to 1024 with buttons', () => {
    expect(issuesOf(sendMessage, buttons(button('a', 'Talk to a real person')))).toEqual([
      'message.buttons.0.title: Message › Buttons › #1 › Title: A button title can be at most 20 characters (WhatsApp limit)',
    ]);
    expect(issuesOf(sendMessage, { message: { kind: 'buttons', body: 'x'.repeat(1025), buttons: [button('a', 'A')] } })).toEqual([
      'message.body: Message › Body: Body can be at most 1024 characters (WhatsApp limit)',
    ]);
  });

  it('rejects buttons with the same title, ignoring case and spaces, or the same id', () => {
    expect(issuesOf(sendMessage, buttons(button('yes', 'Yes'), button('ok', 'yes ')))).toEqual([
      'message.buttons.1.title: Message › Buttons › #2 › Title: Button titles must be different',
    ]);
    expect(issuesOf(sendMessage, buttons(button('yes', 'Yes'), button('yes', 'No')))).toEqual([
      'message.buttons.1.id: Message › Buttons › #2 › Id: Button ids must be different',
    ]);
  });

  it('allows at most 10 rows in a list, counted over all sections', () => {
    expect(issuesOf(sendMessage, list({ title: 'Shoes', rows: rows('a', 5) }, { title: 'Bags', rows: rows('b', 5) }))).toEqual([]);
    expect(issuesOf(sendMessage, list({ title: 'Shoes', rows: rows('a', 6) }, { title: 'Bags', rows: rows('b', 5) }))).toEqual([
      'message.sections: Message › Sections: WhatsApp allows at most 10 rows in a list (this one has 11)',
    ]);
  });

  it('limits row titles to 24 characters', () => {
    expect(issuesOf(sendMessage, list({ rows: [{ id: 'r', title: 'Premium leather handbags!' }] }))).toEqual([
      'message.sections.0.rows.0.title: Message › Sections › #1 › Rows › #1 › Title: A row title can be at most 24 characters (WhatsApp limit)',
    ]);
  });

  it('needs section titles only when there are several sections', () => {
    expect(issuesOf(sendMessage, list({ rows: rows('a', 2) }))).toEqual([]);
    expect(issuesOf(sendMessage, list({ title: 'Shoes', rows: rows('a', 2) }, { rows: rows('b', 2) }))).toEqual([
      'message.sections.1.title: Message › Sections › #2 › Section title: Each section needs a title when there are several',
    ]);
  });

  it('rejects a row id used in two sections', () => {
    expect(
      issuesOf(sendMessage, list({ title: 'Shoes', rows: [{ id: 'x', title: 'Boots' }] }, { title: 'Bags', rows: [{ id: 'x', title: 'Totes' }] })),
    ).toEqual(['message.sections: Message › Sections: Row ids must be different ("x" is used twice)']);
  });

  it('has the same three outputs whatever the message', () => {
    expect(sendMessage.ports(configOf(sendMessage, sendMessage.defaults))).toEqual([
      { id: 'next', label: 'Sent', kind: 'next', required: false },
      { id: 'window_closed', label: 'Window closed', kind: 'window_closed', required: false },
      { id: 'error', label: 'Failed', kind: 'error', required: false },
    ]);
    expect(portIds(sendMessage, buttons(button('yes', 'Yes'), button('no', 'No')))).toEqual(['next', 'window_closed', 'error']);
  });

  it('compiles to a send that leaves by the outcome WhatsApp reports', () => {
    const leave = (outcome: string, port: string) => ({
      target: `${port}_target`,
      guard: { type: 'tandem.outcome', params: { node: 'n1', outcome } },
      actions: [
        { type: 'tandem.recordOutcome', params: { node: 'n1' } },
        { type: 'tandem.port', params: { node: 'n1', port } },
      ],
    });
    expect(compileWith(sendMessage, sendMessage.defaults)).toEqual({
      entry: [
        { type: 'tandem.enter', params: { node: 'n1' } },
        { type: 'tandem.send', params: { node: 'n1', purpose: 'message' } },
      ],
      on: { 'effect.result': [leave('ok', 'next'), leave('window_closed', 'window_closed'), leave('error', 'error')] },
    });
  });

  it('ends the run when the window-closed output is not connected', () => {
    const transitions = compileWith(sendMessage, sendMessage.defaults, ['next', 'error']).on?.['effect.result'];
    expect(transitions?.map((t) => t.target)).toEqual(['next_target', '$end', 'error_target']);
  });

  it('needs the 24-hour window, falling back to the window-closed output', () => {
    const config = configOf(sendMessage, sendMessage.defaults);
    expect(sendMessage.analysis.freeFormSends(config)).toEqual([{ what: 'This message', fallbackPort: 'window_closed' }]);
    expect(sendMessage.analysis.window(config, 'next')).toEqual({ kind: 'elapse', ms: 0 });
    expect(sendMessage.analysis.window(config, 'window_closed')).toEqual({ kind: 'unknown' });
  });
});

describe('send-message while a person is talking', () => {
  it('has a "Person talking" output only when set to branch, compiled to the human_active outcome', () => {
    expect(portIds(sendMessage, { message: { kind: 'text', text: 'Hi' } })).not.toContain('human_active');
    const data = { message: { kind: 'text', text: 'Hi' }, whenHumanActive: 'branch' };
    expect(portIds(sendMessage, data)).toContain('human_active');
    const state = compileWith(sendMessage, data);
    expect(state.on?.['effect.result']?.find((t) => t.guard?.params.outcome === 'human_active')?.target).toBe('human_active_target');
  });
});
