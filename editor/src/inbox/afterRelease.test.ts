import { describe, expect, it } from 'vitest';
import { flowDocumentSchema } from '@tandem/shared';
import cart from '../../../engine/examples/abandoned-cart.json';
import { afterRelease, releaseSentence } from './afterRelease';

const doc = flowDocumentSchema.parse(cart);

describe('after "Back to bot"', () => {
  it('names the output and the step the journey goes on with', () => {
    const connected = { ...doc, edges: [...doc.edges, { id: 'back', source: 'to_sales', sourceHandle: 'resolved', target: 'checkout_link' }] };
    const after = afterRelease(connected, 'to_sales');
    expect(after).toEqual({ output: 'Back to bot', next: 'Send message: Here is your cart, ready to check…' });
    expect(releaseSentence('Abandoned cart', after)).toBe(
      'The journey “Abandoned cart” goes on by “Back to bot” with “Send message: Here is your cart, ready to check…”. You can no longer reply here.',
    );
  });

  it('says the journey ends when nothing is connected after the handoff', () => {
    const after = afterRelease(doc, 'to_sales');
    expect(after).toEqual({ output: 'Back to bot' });
    expect(releaseSentence('Abandoned cart', after)).toBe(
      'The journey “Abandoned cart” ends here by “Back to bot”: nothing is connected after it. The bot answers new messages as your journeys say.',
    );
  });

  it('says so when no journey was waiting', () => {
    expect(releaseSentence(undefined, undefined)).toBe('The bot answers this contact again. No journey was waiting for this conversation.');
  });
});
