import { builtInContactFields, diagnostic, type AttributeDecl, type Diagnostic, type FlowSettings } from '@tandem/shared';
import { parseExpression } from '../../expressions';
import type { FlowGraph } from '../graph';
import { bestEffort } from './availability';

const currencyCode = /^[A-Z]{3}$/;

/**
 * Reads the expressions of the flow's goals and exits: syntax, the names they start from (a
 * condition reads the contact and now; a value or currency also the event's payload), the contact
 * fields they name, and that a condition gives true or false.
 */
export function checkGoals(settings: Pick<FlowSettings, 'goals' | 'exits'>, attributes: readonly AttributeDecl[], graph: FlowGraph): Diagnostic[] {
  if (settings.goals.length === 0 && settings.exits.length === 0) return [];
  const fields = new Set([...builtInContactFields, ...attributes].map((a) => a.name));
  for (const n of graph.nodes.values())
    for (const a of bestEffort(() => (n.def ? n.def.analysis.writesAttributes(n.config ?? n.node.data) : []))) fields.add(a.name);
  const out: Diagnostic[] = [];
  settings.goals.forEach((g, i) => {
    const at = (key: string) => ['settings', 'goals', i, key];
    if (g.kind === 'event') {
      if (g.value) out.push(...checkExpression(`Goal “${g.name}” › Value`, g.value, at('value'), ['payload', 'contact', 'now'], fields, false));
      if (g.currency && !currencyCode.test(g.currency))
        out.push(...checkExpression(`Goal “${g.name}” › Currency`, g.currency, at('currency'), ['payload', 'contact', 'now'], fields, false));
    } else if (g.condition) {
      // node-name-ok: the setting named condition, not the condition step
      out.push(...checkExpression(`Goal “${g.name}” › Condition`, g.condition, at('condition'), ['contact', 'now'], fields, true));
    }
  });
  settings.exits.forEach((x, i) => {
    if (x.kind === 'contact' && x.condition)
      // node-name-ok: the setting named condition, not the condition step
      out.push(...checkExpression(`Exit ${i + 1} › Condition`, x.condition, ['settings', 'exits', i, 'condition'], ['contact', 'now'], fields, true));
  });
  return out;
}

function checkExpression(
  label: string,
  source: string,
  path: (string | number)[],
  roots: readonly string[],
  fields: ReadonlySet<string>,
  boolean: boolean,
): Diagnostic[] {
  const parsed = parseExpression(source);
  if (!parsed.ok) return [diagnostic('expression-syntax', `${label}: ${parsed.message} of “${source}”`, { path })];
  for (const ref of parsed.expression.references) {
    if (!roots.includes(ref.root))
      return [diagnostic('unknown-variable', `${label}: "${ref.root}" cannot be read here; start with ${roots.join(', ')}`, { path })];
    const name = ref.path[0];
    if (ref.root === 'contact' && name !== undefined && !fields.has(name))
      return [diagnostic('unknown-variable', `${label}: contact.${name} is not a known contact attribute. Declare it in the flow settings`, { path })];
  }
  const type = parsed.expression.check();
  if (!type.valid) return [diagnostic('expression-type', `${label}: ${type.message} (in ${source})`, { path })];
  if (boolean && !['bool', 'dyn'].includes(type.type))
    return [diagnostic('expression-type', `${label}: a condition must be true or false; this one gives a ${type.type}`, { path })];
  return [];
}
