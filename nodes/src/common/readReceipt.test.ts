import { fakeCaps } from '../../test/fakeCaps';
import { describe, expect, it } from 'vitest';
import type { RunEvent } from '@tandem/shared';
import type { Scope } from '../defineRuntime';
import { runtimes } from '../runtimes';
import { fakePorts } from '../../test/fakePorts';
import { readReceipt } from './readReceipt';
import { readReceiptEffect } from './readReceiptName';

const scope: Scope = { contact: {}, vars: {}, trigger: {}, now: new Date('2026-03-02T09:00:00.000Z') };
const reply: RunEvent = {
  type: 'message.received',
  message: { wamid: 'wamid.HBgLMTY1MDU1NTEyMzQVAgASGBQzQTk', kind: 'text', text: 'M', at: '2026-03-02T09:00:00.000Z' },
};
const payloadOn = (event: RunEvent) => readReceipt.payloadFrom(undefined, { scope, event, caps: fakeCaps() });

describe('readReceipt effect', () => {
  it("asks to mark the contact's reply read, with typing since the bot answers it", () => {
    expect(payloadOn(reply)).toEqual({ wamid: 'wamid.HBgLMTY1MDU1NTEyMzQVAgASGBQzQTk', typing: true });
  });

  it('marks the message that started the journey read, from the trigger values', () => {
    expect(payloadOn({ type: 'run.start', node: 'hi', runId: '7', trigger: { message_id: 'wamid.start', text: 'hi' } })).toEqual({
      wamid: 'wamid.start',
      typing: true,
    });
  });

  it('asks for nothing when no message is at hand (a start by the API or go-to-flow, a timer)', () => {
    expect(payloadOn({ type: 'run.start', node: 'hi', runId: '7', trigger: { order_id: 'A-12' } })).toBeUndefined();
    expect(payloadOn({ type: 'timer.fired', node: 'ask', timer: 'timeout' })).toBeUndefined();
  });

  it('accepts only a wamid and the typing flag', () => {
    expect(readReceipt.payload.safeParse({ wamid: 'wamid.1', typing: false }).success).toBe(true);
    expect(readReceipt.payload.safeParse({ wamid: '', typing: true }).success).toBe(false);
    expect(readReceipt.payload.safeParse({ wamid: 'wamid.1' }).success).toBe(false);
  });

  it('asks the engine to acknowledge the message, and nothing else', async () => {
    const { calls, ports } = fakePorts();
    await readReceipt.run({ wamid: 'wamid.1', typing: true }, ports);
    expect(calls).toEqual([{ acknowledge: 'wamid.1', typing: true }]);
  });

  it('is registered by the steps that take a message: a question and a message trigger', () => {
    expect(runtimes['bot-question'].effects?.[readReceiptEffect]).toBe(readReceipt);
    expect(runtimes['trigger-message'].effects?.[readReceiptEffect]).toBe(readReceipt);
  });
});
