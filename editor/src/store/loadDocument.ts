import { flowDocumentSchema, type FlowDocument, type FlowNode } from '@tandem/shared';
import { definitionOf, isNodeType, migrateNode } from '@tandem/nodes';

export type LoadResult = { ok: true; doc: FlowDocument; migrated: string[]; problems: string[] } | { ok: false; errors: string[] };

/**
 * Reads a flow document for the editor: the same zod schema as the server, then each node brought
 * up to its type's current settings version. Nodes that cannot be migrated are kept as they are;
 * the live checks report them.
 */
export function loadDocument(input: unknown): LoadResult {
  const parsed = flowDocumentSchema.safeParse(input);
  if (!parsed.success) {
    return { ok: false, errors: parsed.error.issues.map((i) => `${i.path.join('.') || 'document'}: ${i.message}`) };
  }
  const migrated: string[] = [];
  const problems: string[] = [];
  const nodes = parsed.data.nodes.map((node) => {
    const result = migrateOne(node);
    if (result.migrated) migrated.push(node.id);
    if (result.problem) problems.push(`${node.id}: ${result.problem}`);
    return result.node;
  });
  return { ok: true, doc: { ...parsed.data, nodes }, migrated, problems };
}

/** Migrates one node when its type is known; unknown types and failures are left to the checks. */
export function migrateOne(node: FlowNode): { node: FlowNode; migrated: boolean; problem?: string } {
  if (!isNodeType(node.type)) return { node, migrated: false, problem: `unknown step type "${node.type}"` };
  const result = migrateNode(node, definitionOf(node.type));
  if (!result.ok) return { node, migrated: false, problem: result.message };
  return { node: result.node, migrated: result.migrated };
}

/** Parses text from the raw JSON view; invalid JSON or an invalid document never gets through. */
export function parseFlowJson(text: string): LoadResult {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return { ok: false, errors: [`Not valid JSON: ${error instanceof Error ? error.message : String(error)}`] };
  }
  return loadDocument(json);
}
