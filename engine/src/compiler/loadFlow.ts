import { z } from 'zod';
import {
  FLOW_SCHEMA_VERSION,
  diagnostic,
  flowDocumentSchema,
  flowEdgeSchema,
  flowNodeSchema,
  flowNoteSchema,
  flowSettingsSchema,
  type Diagnostic,
  type FlowDocument,
  type FlowEdge,
  type FlowNode,
  type PortDef,
} from '@tandem/shared';
import { definitionOf, isNodeType, migrateNode, parseNodeConfig, type NodeDefinition, type NodeType } from '@tandem/nodes';

/** A node as the checks see it: its definition, parsed settings and ports when they are valid. */
export interface LoadedNode {
  node: FlowNode;
  type?: NodeType;
  def?: NodeDefinition;
  /** Parsed settings; absent when they are invalid (the node is then skipped by deeper checks). */
  config?: unknown;
  ports?: PortDef[];
}

export interface LoadedFlow {
  doc: FlowDocument;
  nodes: Map<string, LoadedNode>;
  edges: FlowEdge[];
}

const envelopeSchema = flowDocumentSchema.extend({
  nodes: z.array(z.unknown()).max(10_000),
  edges: z.array(z.unknown()).max(20_000),
  notes: z.array(z.unknown()).max(1_000).default([]),
});

/**
 * Reads any JSON value as a flow: every well-formed part is kept so one broken node does not
 * hide the problems of the others, and every problem becomes a diagnostic.
 */
export function loadFlow(input: unknown): { flow?: LoadedFlow; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    const got = Array.isArray(input) ? 'a list' : input === null ? 'null' : `a ${typeof input}`;
    return { diagnostics: [diagnostic('not-a-flow', `Expected a JSON object with schemaVersion, name, nodes and edges; got ${got}.`)] };
  }
  const raw = input as Record<string, unknown>;
  if (!Array.isArray(raw.nodes) || !Array.isArray(raw.edges)) {
    const missing = ['nodes', 'edges'].filter((k) => !Array.isArray(raw[k]));
    return {
      diagnostics: [
        diagnostic('not-a-flow', `This is not a Tandem flow: it has no ${missing.map((m) => `"${m}"`).join(' or ')} list.`, { path: [missing[0]!] }),
      ],
    };
  }
  if (raw.schemaVersion === undefined) {
    diagnostics.push(diagnostic('invalid-document', `Missing schemaVersion: add "schemaVersion": ${FLOW_SCHEMA_VERSION}.`, { path: ['schemaVersion'] }));
  } else if (raw.schemaVersion !== FLOW_SCHEMA_VERSION) {
    diagnostics.push(
      diagnostic('invalid-document', `This flow uses schema version ${JSON.stringify(raw.schemaVersion)}; this Tandem reads version ${FLOW_SCHEMA_VERSION}.`, {
        path: ['schemaVersion'],
      }),
    );
  }

  const envelope = envelopeSchema.safeParse(raw);
  if (!envelope.success) {
    for (const issue of envelope.error.issues) {
      if (issue.path[0] === 'schemaVersion' || issue.path[0] === 'nodes' || issue.path[0] === 'edges' || issue.path[0] === 'notes') continue;
      diagnostics.push(diagnostic('invalid-document', `${issue.path.join('.') || 'document'}: ${issue.message}`, { path: pathOf(issue.path) }));
    }
  }
  const settings = flowSettingsSchema.safeParse(raw.settings ?? {});

  const nodes = parseItems(raw.nodes, 'nodes', flowNodeSchema, diagnostics);
  const edges = parseItems(raw.edges, 'edges', flowEdgeSchema, diagnostics);
  const notes = parseItems(Array.isArray(raw.notes) ? raw.notes : [], 'notes', flowNoteSchema, diagnostics);

  const doc: FlowDocument = {
    schemaVersion: FLOW_SCHEMA_VERSION,
    name: typeof raw.name === 'string' && raw.name.trim() ? raw.name : 'Untitled flow',
    ...(typeof raw.id === 'string' ? { id: raw.id } : {}),
    ...(typeof raw.description === 'string' ? { description: raw.description } : {}),
    settings: settings.success ? settings.data : flowSettingsSchema.parse({}),
    nodes: [],
    edges,
    notes,
  };
  const loaded = new Map<string, LoadedNode>();
  const seen = new Set<string>();
  for (const node of nodes) {
    if (seen.has(node.id)) {
      diagnostics.push(diagnostic('duplicate-id', `Two steps have the id "${node.id}"; ids must be unique.`, { nodeId: node.id }));
      continue;
    }
    seen.add(node.id);
    const entry = loadNode(node, diagnostics);
    loaded.set(node.id, entry);
    doc.nodes.push(entry.node);
  }
  for (const note of notes) {
    if (seen.has(note.id)) diagnostics.push(diagnostic('duplicate-id', `A note and a step share the id "${note.id}".`, { path: ['notes'] }));
    seen.add(note.id);
  }
  const edgeIds = new Set<string>();
  for (const edge of edges) {
    if (edgeIds.has(edge.id)) diagnostics.push(diagnostic('duplicate-id', `Two connections have the id "${edge.id}".`, { edgeId: edge.id }));
    edgeIds.add(edge.id);
  }
  return { flow: { doc, nodes: loaded, edges }, diagnostics };
}

function loadNode(node: FlowNode, diagnostics: Diagnostic[]): LoadedNode {
  if (!isNodeType(node.type)) {
    diagnostics.push(diagnostic('unknown-node-type', `"${node.type}" is not a step type this Tandem knows.`, { nodeId: node.id }));
    return { node };
  }
  const def = definitionOf(node.type);
  const migrated = migrateNode(node, def);
  if (!migrated.ok) {
    diagnostics.push(diagnostic('node-version-too-new', migrated.message, { nodeId: node.id }));
    return { node, type: node.type, def };
  }
  const parsed = parseNodeConfig(def, migrated.node.data);
  if (!parsed.ok) {
    for (const issue of parsed.issues) {
      diagnostics.push(diagnostic('invalid-config', issue.message, { nodeId: node.id, path: issue.path }));
    }
    return { node: migrated.node, type: node.type, def };
  }
  return { node: migrated.node, type: node.type, def, config: parsed.config, ports: def.ports(parsed.config) };
}

function parseItems<T>(items: unknown[], key: string, schema: z.ZodType<T>, diagnostics: Diagnostic[]): T[] {
  const out: T[] = [];
  items.forEach((item, i) => {
    const r = schema.safeParse(item);
    if (r.success) {
      out.push(r.data);
      return;
    }
    const id = typeof item === 'object' && item !== null && typeof (item as { id?: unknown }).id === 'string' ? (item as { id: string }).id : undefined;
    for (const issue of r.error.issues) {
      const where = key === 'nodes' && id ? { nodeId: id } : key === 'edges' && id ? { edgeId: id } : {};
      diagnostics.push(
        diagnostic('invalid-document', `${key}[${i}]${issue.path.length ? `.${issue.path.join('.')}` : ''}: ${issue.message}`, {
          ...where,
          path: [key, i, ...pathOf(issue.path)],
        }),
      );
    }
  });
  return out;
}

function pathOf(path: readonly PropertyKey[]): (string | number)[] {
  return path.map((p) => (typeof p === 'symbol' ? String(p) : p));
}
