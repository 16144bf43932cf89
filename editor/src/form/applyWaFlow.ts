import { variableNameSchema, type WaFlowInfo } from '@tandem/shared';
import { isRecord } from './schemaInfo';

/**
 * The settings of a "Send WhatsApp Flow" step after picking `f`: its id and name, and the screen
 * it opens on when none is set yet (or the one set belongs to the Flow picked before): the Flow's
 * first screen. Everything else is kept.
 */
export function applyWaFlow(data: Record<string, unknown>, f: WaFlowInfo, previous?: WaFlowInfo): Record<string, unknown> {
  const screen = typeof data.screen === 'string' ? data.screen : '';
  const stale = screen !== '' && previous?.screens.some((s) => s.id === screen) === true && !f.screens.some((s) => s.id === screen);
  const first = f.screens[0]?.id;
  return {
    ...data,
    flow: { id: f.id, name: f.name },
    ...((screen === '' || stale) && first ? { screen: first } : {}),
  };
}

/** Whether the step saves none of the answers yet (the picker then offers to save them all). */
export function savesNoAnswers(data: Record<string, unknown>): boolean {
  return !Array.isArray(data.answers) || data.answers.filter(isRecord).length === 0;
}

/**
 * One "Save answers" row per field of the Flow, in screen order: the field's value saved to the
 * journey variable of the same name (lower-cased to a variable name when it is not one).
 */
export function answersFor(f: WaFlowInfo): { field: string; saveTo: { scope: 'vars'; name: string } }[] {
  const rows: { field: string; saveTo: { scope: 'vars'; name: string } }[] = [];
  for (const field of f.screens.flatMap((s) => s.fields)) {
    const name = variableNameFor(field.name);
    if (!name || !FIELD_NAME.test(field.name) || rows.some((r) => r.field === field.name)) continue;
    rows.push({ field: field.name, saveTo: { scope: 'vars', name } });
  }
  return rows.slice(0, MAX_ANSWERS);
}

/** What the step's "Flow field" accepts (a key of the reply). */
const FIELD_NAME = /^[A-Za-z_][A-Za-z0-9_]{0,79}$/;
const MAX_ANSWERS = 50;

/** "firstName" → "first_name", "Email" → "email"; undefined when nothing of it makes a variable name. */
function variableNameFor(field: string): string | undefined {
  const name = field
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .toLowerCase()
    .replace(/[^a-z0-9_]/g, '_')
    .replace(/^[^a-z]+/, '')
    .slice(0, 64);
  return variableNameSchema.safeParse(name).success ? name : undefined;
}
