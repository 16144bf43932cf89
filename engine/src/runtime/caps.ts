import type { RuntimeCaps } from '@tandem/nodes/runtime';
import { parseExpression, parseTemplate, renderTemplate } from '../expressions';

/** Expression and template evaluation for node runtimes, backed by CEL. */
export const runtimeCaps: RuntimeCaps = {
  evaluate(expression, scope) {
    const parsed = parseExpression(expression);
    if (!parsed.ok) throw new Error(parsed.message);
    return parsed.expression.evaluate(scope as unknown as Record<string, unknown>);
  },
  render(template, scope, encode) {
    const parsed = templateCache.get(template) ?? cacheTemplate(template);
    return renderTemplate(parsed, scope as unknown as Record<string, unknown>, undefined, encode);
  },
};

const templateCache = new Map<string, ReturnType<typeof parseTemplate>['parts']>();

function cacheTemplate(template: string) {
  const parts = parseTemplate(template).parts;
  if (templateCache.size > 10_000) templateCache.clear();
  templateCache.set(template, parts);
  return parts;
}
