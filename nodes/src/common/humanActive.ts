import { z } from 'zod';
import { port, type PortDef } from '@tandem/shared';
import { field } from '../form';

/** What a message step does when it comes due while a person is talking to the contact from the Business App or the inbox. */
export const whenHumanActiveSchema = field(z.enum(['hold', 'skip', 'branch']).default('hold'), {
  label: 'If a person is talking to the contact',
  widget: 'select',
  choices: {
    hold: { label: 'Hold the message', help: 'Send it when the bot may talk again' },
    skip: { label: 'Skip it', help: 'Go on without sending it' },
    branch: { label: 'Leave by "Person talking"', help: 'Connect that output to do something else' },
  },
});

export type WhenHumanActive = z.output<typeof whenHumanActiveSchema>;

export function humanActivePorts(mode: WhenHumanActive): PortDef[] {
  return mode === 'branch' ? [port('human_active', 'Person talking', 'human_active')] : [];
}
