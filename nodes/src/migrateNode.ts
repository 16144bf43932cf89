import type { FlowNode } from '@tandem/shared';
import type { NodeDefinition } from './defineNode';

export type MigrationResult = { ok: true; node: FlowNode; migrated: boolean } | { ok: false; reason: 'too-new' | 'missing-migration'; message: string };

/** Brings a node saved with an older settings version up to the definition's version. */
export function migrateNode(node: FlowNode, def: NodeDefinition): MigrationResult {
  if (node.version > def.version) {
    return { ok: false, reason: 'too-new', message: `Saved by a newer Tandem (version ${node.version}; this one knows up to ${def.version})` };
  }
  let data = node.data;
  for (let v = node.version; v < def.version; v++) {
    const step = def.migrations[v];
    if (!step) return { ok: false, reason: 'missing-migration', message: `No migration from version ${v} of ${def.type}` };
    data = step(data);
  }
  return { ok: true, node: { ...node, version: def.version, data }, migrated: node.version !== def.version };
}
