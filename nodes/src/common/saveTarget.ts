import { z } from 'zod';
import { builtInContactFields, variableNameSchema, writableContactFields } from '@tandem/shared';
import type { ValueChanges } from '../defineRuntime';
import { field } from '../form';

const builtIn = new Set(builtInContactFields.map((f) => f.name));

export const saveTargetSchema = field(
  z
    .object({
      scope: field(z.enum(['vars', 'contact']).default('vars'), {
        label: 'Save to',
        widget: 'select',
        choices: {
          vars: { label: 'This journey', help: 'A journey variable (vars.…), gone when the journey ends' },
          contact: { label: 'The contact', help: 'An attribute kept on the contact (contact.…), for every journey' },
        },
      }),
      name: field(variableNameSchema, { label: 'Name' }),
    })
    .refine((t) => t.scope !== 'contact' || !builtIn.has(t.name) || writableContactFields.includes(t.name), {
      path: ['name'],
      message: 'This contact field is kept by Tandem and cannot be overwritten',
    }),
  { label: 'Save answer' },
);
export type SaveTarget = z.infer<typeof saveTargetSchema>;

/** Saves a value to a journey variable or a contact attribute. */
export function saveTo(target: SaveTarget | null, value: unknown): ValueChanges {
  if (!target) return {};
  return target.scope === 'vars' ? { vars: { [target.name]: value } } : { contact: { [target.name]: value } };
}

/** A saved `{ scope: 'contact', name }` target with the attribute renamed; anything else unchanged. */
export function renameSaveTarget(saved: unknown, attributes: Record<string, string>): unknown {
  const target = saved as { scope?: string; name?: string } | null | undefined;
  return target?.scope === 'contact' && target.name && attributes[target.name] ? { ...target, name: attributes[target.name] } : saved;
}

/** The contact attribute a saved target writes, if it writes one. */
export function savedAttribute(saved: unknown): string | undefined {
  const target = saved as { scope?: string; name?: string } | null | undefined;
  return target?.scope === 'contact' && target.name ? target.name : undefined;
}
