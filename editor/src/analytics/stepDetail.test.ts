import { describe, expect, it } from 'vitest';
import { describeDetail } from './stepDetail';

describe('a run-log step in one line', () => {
  it("shows a submitted WhatsApp Flow's answers, without its token", () => {
    expect(
      describeDetail({
        type: 'message.received',
        text: 'Sent',
        kind: 'flow_reply',
        data: { flow_token: 'tandem.7.2814653498770231', name: 'Sheena', interest: 'workshops', marketing_opt_in: true },
        wamid: 'wamid.in.1',
      }),
    ).toBe('message.received · “Sent” · name: Sheena, interest: workshops, marketing_opt_in: true');
  });

  it('shows an effect result with its error message', () => {
    expect(describeDetail({ type: 'effect.result', outcome: 'error', error: { code: '131026', message: 'Message undeliverable' } })).toBe(
      'effect.result · error · Message undeliverable',
    );
  });
});
