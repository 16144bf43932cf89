import { defineRuntime, type ValueChanges } from '../defineRuntime';
import type { SetAttributeConfig } from './definition';

export const setAttributeRuntime = defineRuntime<SetAttributeConfig>({
  changes(c, scope, caps) {
    const vars: Record<string, unknown> = {};
    const contact: Record<string, unknown> = {};
    for (const op of c.operations) {
      const target = op.target === 'vars' ? vars : contact;
      const current = op.target === 'vars' ? scope.vars[op.name] : scope.contact[op.name];
      if (op.action === 'unset') target[op.name] = null;
      else if (op.action === 'increment') target[op.name] = (typeof current === 'number' ? current : Number(current) || 0) + op.amount;
      else target[op.name] = typed(caps.render(op.value, scope));
    }
    const out: ValueChanges = {};
    if (Object.keys(vars).length) out.vars = vars;
    if (Object.keys(contact).length) out.contact = contact;
    if (c.addTags.length) out.addTags = c.addTags;
    if (c.removeTags.length) out.removeTags = c.removeTags;
    if (c.consent !== 'unchanged') out.consent = c.consent;
    return out;
  },
});

/** "42" → 42, "true" → true; other text stays text, also "01067" and ids too long for a number. */
function typed(text: string): unknown {
  const t = text.trim();
  if (t === 'true' || t === 'false') return t === 'true';
  if (/^-?(0|[1-9]\d*)(\.\d+)?$/.test(t) && (t.includes('.') || Number.isSafeInteger(Number(t)))) return Number(t);
  return text;
}
