/** How a flow's references change when it moves to another workspace. */
export interface CloneMapping {
  templates: { from: { name: string; language: string }; to: { name: string; language: string } }[];
  /** contact attribute name → name in the target workspace */
  attributes: Record<string, string>;
  /** flow id → flow id in the target workspace (for "Go to flow") */
  flows: Record<string, string>;
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
 * Rewrites a flow document for another workspace: template names and languages in template
 * steps, `contact.<attribute>` references in every text and expression, "Go to flow" targets,
 * and mentions of the source's WhatsApp number.
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
    let data = deep(n.data) as Record<string, unknown>;
    if (n.type === 'send-template') {
      const t = data.template as { name: string; language: string } | undefined;
      const m = t && mapping.templates.find((x) => x.from.name === t.name && x.from.language === t.language);
      if (m) data = { ...data, template: { ...t, name: m.to.name, language: m.to.language } };
    }
    if (n.type === 'set-attribute' && Array.isArray(data.operations)) {
      data = {
        ...data,
        operations: (data.operations as { target: string; name: string }[]).map((op) =>
          op.target === 'contact' && mapping.attributes[op.name] ? { ...op, name: mapping.attributes[op.name] } : op,
        ),
      };
    }
    if (n.type === 'bot-question' || n.type === 'http-request') data = renameSaveTargets(data, mapping.attributes);
    if (n.type === 'go-to-flow' && typeof data.flowId === 'string' && mapping.flows[data.flowId]) data = { ...data, flowId: mapping.flows[data.flowId] };
    return { ...n, data };
  });
  const settings = (document.settings ?? {}) as { attributes?: { name: string }[] };
  const attributes = settings.attributes?.map((a) => ({ ...a, name: mapping.attributes[a.name] ?? a.name }));
  return { ...document, nodes, settings: { ...settings, ...(attributes ? { attributes } : {}) } };
}

function renameSaveTargets(data: Record<string, unknown>, attributes: Record<string, string>): Record<string, unknown> {
  const fix = (t: unknown) => {
    const target = t as { scope?: string; name?: string } | null;
    return target?.scope === 'contact' && target.name && attributes[target.name] ? { ...target, name: attributes[target.name] } : t;
  };
  const out = { ...data };
  if ('saveTo' in out) out.saveTo = fix(out.saveTo);
  if (Array.isArray(out.responseMapping)) out.responseMapping = (out.responseMapping as { saveTo: unknown }[]).map((m) => ({ ...m, saveTo: fix(m.saveTo) }));
  return out;
}

/** Templates, contact attributes and flows a document refers to. */
export function referencesOf(document: Record<string, unknown>): {
  templates: { name: string; language: string; category: string }[];
  attributes: string[];
  flows: string[];
} {
  const nodes = (document.nodes ?? []) as NodeLike[];
  const templates = nodes
    .filter((n) => n.type === 'send-template')
    .map((n) => n.data.template as { name: string; language: string; category: string })
    .filter((t, i, all) => t && all.findIndex((x) => x.name === t.name && x.language === t.language) === i);
  const attributes = new Set<string>();
  const scan = (value: unknown) => {
    if (typeof value === 'string') for (const m of value.matchAll(/\bcontact\.\??([a-z][a-z0-9_]*)/g)) attributes.add(m[1]!);
    else if (Array.isArray(value)) value.forEach(scan);
    else if (value && typeof value === 'object') Object.values(value).forEach(scan);
  };
  for (const n of nodes) scan(n.data);
  for (const n of nodes) {
    const ops = n.type === 'set-attribute' && Array.isArray(n.data.operations) ? (n.data.operations as { target: string; name: string }[]) : [];
    for (const op of ops) if (op.target === 'contact') attributes.add(op.name);
    const save = n.data.saveTo as { scope?: string; name?: string } | undefined;
    if (save?.scope === 'contact' && save.name) attributes.add(save.name);
  }
  const flows = nodes.filter((n) => n.type === 'go-to-flow' && typeof n.data.flowId === 'string').map((n) => n.data.flowId as string);
  return { templates, attributes: [...attributes].sort(), flows };
}
