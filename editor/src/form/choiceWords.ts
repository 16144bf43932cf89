import type { z } from 'zod';
import { fieldMeta, type ChoiceLabel } from '@tandem/nodes';
import { unionChoices } from './schemaInfo';

/** A value of a choice by its declared name; undeclared values read as words ("starts_with" → "starts with"). */
export function choiceText(value: string, labels: Readonly<Record<string, ChoiceLabel>> | undefined): string {
  return labels?.[value]?.label ?? value.replace(/_/g, ' ');
}

/** The names a union of settings declares on each shape's tag, and the question they answer. */
export function unionLabels(schema: z.ZodUnion, discriminator: string): { question?: string; labels: Record<string, ChoiceLabel> } {
  const labels: Record<string, ChoiceLabel> = {};
  let question: string | undefined;
  for (const { value, option } of unionChoices(schema, discriminator)) {
    const tag = (option.shape as Record<string, z.ZodType>)[discriminator];
    const meta = tag ? fieldMeta(tag) : undefined;
    if (meta?.choice) labels[value] = meta.choice;
    question ??= meta?.label;
  }
  return { ...(question ? { question } : {}), labels };
}
