import { describe, expect, it } from 'vitest';
import { flowSettingsSchema } from '@tandem/shared';
import { goalWords } from './goalWords';

describe('goalWords', () => {
  it('lists goals with their window, then exits', () => {
    const settings = flowSettingsSchema.parse({
      goals: [
        { name: 'Purchase', event: 'order.paid' },
        { name: 'Customer', kind: 'contact', condition: '"customer" in contact.tags', windowHours: 36 },
      ],
      exits: [{ event: 'order.cancelled' }],
    });
    expect(goalWords(settings)).toBe('Goal: order.paid within 7 days · Goal: Customer within 36 hours · Exit: order.cancelled');
  });

  it('is empty for a journey without goals or exits', () => {
    expect(goalWords(flowSettingsSchema.parse({}))).toBe('');
  });
});
