import { describe, expect, it } from 'vitest';
import { templateInfoSchema, type TemplateInfo } from '@tandem/shared';
import { validateFlow } from '../validateFlow';
import { edge, event, flow, inbound, node, question, template, text, waitHours } from '../../../test/flowKit';

const proofs = (doc: unknown) => Object.fromEntries(validateFlow(doc).windowProofs.map((p) => [p.nodeId, p.status]));
const codes = (doc: unknown) => validateFlow(doc).diagnostics.map((d) => `${d.code}@${d.nodeId ?? ''}`);

describe('24-hour window proof', () => {
  it('allows a message right after an inbound message and after a 23-hour wait', () => {
    const doc = flow([inbound(), text('m1'), waitHours('w', 23), text('m2')], [edge('t', 'next', 'm1'), edge('m1', 'next', 'w'), edge('w', 'next', 'm2')]);
    expect(proofs(doc)).toEqual({ m1: 'safe', m2: 'safe' });
    expect(codes(doc)).toEqual([]);
  });

  it('rejects a message once waits add up to 24 hours', () => {
    const doc = flow(
      [inbound(), waitHours('w1', 12), waitHours('w2', 12), text('m')],
      [edge('t', 'next', 'w1'), edge('w1', 'next', 'w2'), edge('w2', 'next', 'm')],
    );
    expect(proofs(doc)).toEqual({ m: 'unsafe' });
    expect(validateFlow(doc).diagnostics[0]?.message).toContain('up to 24 hours can pass');
  });

  it('rejects a message after a business-event trigger, which is not a message from the contact', () => {
    const doc = flow([event(), text('m')], [edge('ev', 'next', 'm')]);
    expect(codes(doc)).toEqual(['window-closed-send@m']);
  });

  it('accepts it when the window-closed output leads to a template', () => {
    const doc = flow([event(), text('m'), template('tpl')], [edge('ev', 'next', 'm'), edge('m', 'window_closed', 'tpl')]);
    expect(proofs(doc)).toEqual({ m: 'needs_fallback' });
    expect(codes(doc)).toEqual([]);
  });

  it('takes the worst branch where branches meet', () => {
    const doc = flow(
      [inbound(), node('c', 'condition', { branches: [{ id: 'slow', label: 'Slow', expression: '"vip" in contact.tags' }] }), waitHours('long', 30), text('m')],
      [edge('t', 'next', 'c'), edge('c', 'slow', 'long'), edge('c', 'else', 'm'), edge('long', 'next', 'm')],
    );
    expect(proofs(doc)).toEqual({ m: 'unsafe' });
  });

  it("points a question after a template outside the window to listening to the template's buttons, which the check then accepts", () => {
    const asks = flow(
      [event(), template('tpl'), question('q', { prompt: { kind: 'text', text: 'Which size?' } })],
      [edge('ev', 'next', 'tpl'), edge('tpl', 'next', 'q')],
    );
    const [d] = validateFlow(asks).diagnostics.filter((x) => x.code === 'window-closed-send');
    expect(d?.message).toContain('If it follows a template with quick-reply buttons, set "Question" to "none": it then listens to the reply to those buttons');
    const listens = flow([event(), template('tpl'), question('q', { prompt: { kind: 'none' } })], [edge('ev', 'next', 'tpl'), edge('tpl', 'next', 'q')]);
    expect(codes(listens).filter((c) => c.startsWith('window-closed-send'))).toEqual([]);
  });

  describe("the one-click fix: listen to the template's buttons", () => {
    const nudge: TemplateInfo = templateInfoSchema.parse({
      name: 'nudge',
      language: 'en',
      category: 'UTILITY',
      buttons: [
        { type: 'QUICK_REPLY', text: 'Complete my order' },
        { type: 'QUICK_REPLY', text: 'Not now' },
      ],
    });
    const sendsNudge = node('tpl', 'send-template', {
      template: { name: 'nudge', language: 'en', category: 'UTILITY' },
      buttons: [
        { index: 0, type: 'quick_reply', value: 'complete' },
        { index: 1, type: 'quick_reply', value: 'later' },
      ],
    });
    const asksWithButtons = question('q', {
      prompt: {
        kind: 'buttons',
        body: 'Shall we finish your order?',
        buttons: [
          { id: 'yes', title: 'Complete my order' },
          { id: 'no', title: 'No thanks' },
        ],
      },
      saveTo: { scope: 'contact', name: 'email' },
    });
    const journey = (q: ReturnType<typeof node>, extra: ReturnType<typeof edge>[] = []) =>
      flow(
        [event(), sendsNudge, q, text('done'), text('bye'), ...(extra.length ? [node('end', 'end', {})] : [])],
        [edge('ev', 'next', 'tpl'), edge('tpl', 'next', 'q'), edge('q', 'yes', 'done'), edge('q', 'no', 'bye'), ...extra],
      );
    const withFix = (doc: ReturnType<typeof flow>, code: string) => {
      const d = validateFlow(doc, { templates: [nudge] }).diagnostics.find((x) => x.code === code);
      if (!d?.fix) throw new Error(`no fix offered with ${code}: ${JSON.stringify(d)}`);
      const fixed = structuredClone(doc);
      fixed.nodes.find((n) => n.id === d.nodeId)!.data = d.fix.config;
      return { d, fix: d.fix, fixed };
    };

    it('is offered with the error and, applied, leaves a flow that passes with its connections kept', () => {
      const { fix, fixed } = withFix(journey(asksWithButtons), 'window-closed-send');
      expect(fix.label).toBe("Listen to the template's buttons");
      expect(fix.config).toMatchObject({
        prompt: { kind: 'none' },
        answerType: 'choice',
        choices: [
          { id: 'yes', label: 'Complete my order' },
          { id: 'no', label: 'Not now' },
        ],
        saveTo: null,
      });
      expect(fix.notes.join(' ')).toContain('"Complete my order", "Not now"');
      expect(fix.notes.join(' ')).toContain('The output "No thanks" now follows the button "Not now".');
      expect(fix.notes.join(' ')).toContain("Not saved to the contact's email");
      const after = validateFlow(fixed, { templates: [nudge] });
      expect(after.diagnostics.map((x) => x.code)).toEqual([]);
      expect(after.windowProofs).toEqual([
        expect.objectContaining({ nodeId: 'done', status: 'safe' }),
        expect.objectContaining({ nodeId: 'bye', status: 'safe' }),
      ]);
    });

    it('takes the payloads the template step sets as the choices when the question has no buttons of its own', () => {
      const { fix } = withFix(journey(question('q', { prompt: { kind: 'text', text: 'Ready?' } })), 'window-closed-send');
      expect(fix.config.choices).toEqual([
        { id: 'complete', label: 'Complete my order', keywords: [] },
        { id: 'later', label: 'Not now', keywords: [] },
      ]);
    });

    it('warns with the fix when "Window closed" is connected, since contacts who never wrote all take it', () => {
      const doc = journey(asksWithButtons, [edge('q', 'window_closed', 'end')]);
      const { d } = withFix(doc, 'reply-buttons-ignored');
      expect(d.severity).toBe('warning');
      expect(d.message).toContain('most contacts leave by "Window closed" without being asked');
      // After a message from the contact the question is asked: nothing to warn about.
      const replied = flow(
        [inbound(), sendsNudge, { ...asksWithButtons, data: { ...asksWithButtons.data, saveTo: null } }, text('done'), text('bye'), node('end', 'end', {})],
        [edge('t', 'next', 'tpl'), edge('tpl', 'next', 'q'), edge('q', 'yes', 'done'), edge('q', 'no', 'bye'), edge('q', 'window_closed', 'end')],
      );
      expect(validateFlow(replied, { templates: [nudge] }).diagnostics.map((x) => x.code)).toEqual([]);
    });

    it('is not offered without the template, nor when the question can also be reached another way', () => {
      expect(validateFlow(journey(asksWithButtons)).diagnostics.find((x) => x.code === 'window-closed-send')?.fix).toBeUndefined();
      const twoWays = flow(
        [
          event(),
          sendsNudge,
          asksWithButtons,
          text('done'),
          text('bye'),
          node('c', 'condition', { branches: [{ id: 'vip', label: 'VIP', expression: '"vip" in contact.tags' }] }),
        ],
        [edge('ev', 'next', 'c'), edge('c', 'vip', 'tpl'), edge('c', 'else', 'q'), edge('tpl', 'next', 'q'), edge('q', 'yes', 'done'), edge('q', 'no', 'bye')],
      );
      const d = validateFlow(twoWays, { templates: [nudge] }).diagnostics.find((x) => x.code === 'window-closed-send');
      expect(d).toBeDefined();
      expect(d?.fix).toBeUndefined();
    });
  });

  it('is reset by the answer to a question, also after a long wait', () => {
    const doc = flow(
      [event(), template('tpl'), question('q', { prompt: { kind: 'none' } }), text('m')],
      [edge('ev', 'next', 'tpl'), edge('tpl', 'next', 'q'), edge('q', 'next', 'm')],
    );
    expect(proofs(doc)).toEqual({ m: 'safe' });
  });

  it("counts a question's timeout as time passing", () => {
    const doc = flow(
      [inbound(), question('q', { timeout: { amount: 20, unit: 'hours' } }), waitHours('w', 5), text('m')],
      [edge('t', 'next', 'q'), edge('q', 'timeout', 'w'), edge('w', 'next', 'm'), edge('q', 'next', 'm')],
    );
    expect(proofs(doc)).toMatchObject({ q: 'safe', m: 'unsafe' });
  });

  it('accepts a loop that asks again after each wait, since every answer reopens the window', () => {
    const doc = flow(
      [inbound(), question('q', { timeout: { amount: 2, unit: 'hours' } }), waitHours('w', 20), text('m')],
      [edge('t', 'next', 'q'), edge('q', 'next', 'w'), edge('w', 'next', 'm'), edge('m', 'next', 'q')],
    );
    expect(proofs(doc)).toEqual({ q: 'safe', m: 'safe' });
    expect(codes(doc)).toEqual([]);
  });

  it('rejects the same loop when "no reply" also goes round it, since silence accumulates', () => {
    const doc = flow(
      [inbound(), question('q', { timeout: { amount: 2, unit: 'hours' } }), waitHours('w', 20), text('m')],
      [edge('t', 'next', 'q'), edge('q', 'next', 'w'), edge('w', 'next', 'm'), edge('m', 'next', 'q'), edge('q', 'timeout', 'w')],
    );
    expect(proofs(doc)).toEqual({ q: 'unsafe', m: 'unsafe' });
  });

  it('rejects a reminder loop whose waits accumulate without a reply', () => {
    const doc = flow(
      [inbound(), text('m'), waitHours('w', 6), template('tpl')],
      [edge('t', 'next', 'm'), edge('m', 'next', 'w'), edge('w', 'next', 'tpl'), edge('tpl', 'next', 'w'), edge('tpl', 'error', 'm')],
    );
    expect(proofs(doc)).toEqual({ m: 'unsafe' });
    expect(validateFlow(doc).diagnostics.map((d) => d.code)).toEqual(['window-closed-send']);
  });

  it('treats a wait until a date as unbounded and names the wait as the cause', () => {
    const doc = flow([inbound(), node('w', 'wait', { mode: 'until_date', date: 'now' }), text('m')], [edge('t', 'next', 'w'), edge('w', 'next', 'm')]);
    expect(validateFlow(doc).diagnostics[0]?.message).toContain('after "Wait" (w) there is no limit');
  });

  it('only warns for a handoff message, which has no fallback output', () => {
    const doc = flow([event(), node('h', 'handoff', { message: 'A person will reply', resume: { mode: 'never' } })], [edge('ev', 'next', 'h')]);
    expect(validateFlow(doc).diagnostics.map((d) => [d.code, d.severity])).toEqual([['message-outside-window', 'warning']]);
  });

  it('gives no verdict after a step whose settings are invalid, which is reported instead', () => {
    const doc = flow([inbound(), node('w', 'wait', { mode: 'duration' }), text('m')], [edge('t', 'next', 'w'), edge('w', 'next', 'm')]);
    expect(codes(doc)).toEqual(['invalid-config@w']);
  });
});
