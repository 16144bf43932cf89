import { type CloneMapping as NodeCloneMapping, definitionOf, type FlowRefs, isNodeType, type NodeClone } from '@tandem/nodes';

/** How a flow's references change when it moves to another workspace. */
export interface CloneMapping extends NodeCloneMapping {
  /** The source's WhatsApp number (digits) → the target's, wherever texts and links mention it. */
  number?: { from: string; to: string };
}

/** Matches a phone number however it is written: `+1 555-078 3881`, `15550783881`, `wa.me/15550783881`. */
function phonePattern(digits: string): RegExp {
  return new RegExp(`(?<![\\d+])(\\+?)${[...digits].join('[\\s\\-.()]*')}(?!\\d)`, 'g');
}

/** How many strings of a flow document mention the number. */
export function countMentions(document: Record<string, unknown>, digits: string): number {
  const pattern = phonePattern(digits);
  let n = 0;
  const scan = (value: unknown) => {
    if (typeof value === 'string') n += [...value.matchAll(pattern)].length;
    else if (Array.isArray(value)) value.forEach(scan);
    else if (value && typeof value === 'object') Object.values(value).forEach(scan);
  };
  scan(document.nodes);
  return n;
}

interface NodeLike {
  id: string;
  type: string;
  data: Record<string, unknown>;
}

/**
 * Rewrites a flow document for another workspace: `contact.<attribute>` references in every text
 * and expression, mentions of the source's WhatsApp number, and whatever each node's `clone` hook
 * remaps in its settings (template names and languages, saved attributes, "Go to flow" targets).
 */
export function applyCloneMapping(document: Record<string, unknown>, mapping: CloneMapping): Record<string, unknown> {
  const renames = Object.entries(mapping.attributes).filter(([from, to]) => from !== to);
  const number =
    mapping.number && mapping.number.from !== mapping.number.to ? { pattern: phonePattern(mapping.number.from), to: mapping.number.to } : undefined;
  const renameText = (text: string) => {
    const renamed = renames.reduce((t, [from, to]) => t.replace(new RegExp(`\\bcontact\\.(\\??)${from}\\b`, 'g'), `contact.$1${to}`), text);
    return number ? renamed.replace(number.pattern, (_, plus: string) => `${plus}${number.to}`) : renamed;
  };
  const deep = (value: unknown): unknown => {
    if (typeof value === 'string') return renameText(value);
    if (Array.isArray(value)) return value.map(deep);
    if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, deep(v)]));
    return value;
  };
  const nodes = ((document.nodes ?? []) as NodeLike[]).map((n) => {
    const data = deep(n.data) as Record<string, unknown>;
    const clone = cloneOf(n.type);
    return { ...n, data: clone ? clone.remap(data, mapping) : data };
  });
  const settings = (document.settings ?? {}) as { attributes?: { name: string }[] };
  const attributes = settings.attributes?.map((a) => ({ ...a, name: mapping.attributes[a.name] ?? a.name }));
  return { ...document, nodes, settings: { ...settings, ...(attributes ? { attributes } : {}) } };
}

/** The node type's clone hook; none for types without references or unknown to the catalog. */
function cloneOf(type: string): NodeClone | undefined {
  return isNodeType(type) ? definitionOf(type).clone : undefined;
}

/** Templates, contact attributes and flows a document refers to. */
export function referencesOf(document: Record<string, unknown>): FlowRefs {
  const nodes = (document.nodes ?? []) as NodeLike[];
  const refs = nodes.map((n) => cloneOf(n.type)?.refs(n.data) ?? {});
  const templates = refs.flatMap((r) => r.templates ?? []).filter((t, i, all) => all.findIndex((x) => x.name === t.name && x.language === t.language) === i);
  const attributes = new Set<string>(refs.flatMap((r) => r.attributes ?? []));
  const scan = (value: unknown) => {
    if (typeof value === 'string') for (const m of value.matchAll(/\bcontact\.\??([a-z][a-z0-9_]*)/g)) attributes.add(m[1]!);
    else if (Array.isArray(value)) value.forEach(scan);
    else if (value && typeof value === 'object') Object.values(value).forEach(scan);
  };
  for (const n of nodes) scan(n.data);
  const flows = refs.flatMap((r) => r.flows ?? []);
  return { templates, attributes: [...attributes].sort(), flows };
}
