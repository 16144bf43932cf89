import { builtInContactFields, InvariantError, type FlowSettings } from '@tandem/shared';
import { definitionOf, type NodeType } from '@tandem/nodes';
import { runtimeOf } from '@tandem/nodes/runtime';
import { compileFlow, type MachineConfig } from '../compiler';

export interface CompiledNode {
  id: string;
  type: NodeType;
  config: unknown;
}

/** A published flow version ready to run: its machine config, parsed steps and triggers. */
export interface CompiledVersion {
  versionId: number;
  flowId: string;
  machine: MachineConfig;
  nodes: Map<string, CompiledNode>;
  settings: FlowSettings;
  /** Contact fields expressions may read; absent ones are given as null. */
  contactFields: string[];
  triggers: CompiledNode[];
}

/**
 * Compiles a stored flow version. Stored documents are re-checked rather than trusted, and
 * compiling is fast enough (500 steps in about 20 ms) to do once per version per process.
 */
export function compileVersion(versionId: number, flowId: string, document: unknown): CompiledVersion {
  const compiled = compileFlow(document);
  if (!compiled.ok) {
    const first = compiled.diagnostics.find((d) => d.severity === 'error');
    throw new InvariantError(`published version ${versionId} does not compile: ${first?.code} ${first?.message}`);
  }
  const nodes = new Map<string, CompiledNode>();
  const contactFields = new Set<string>([...builtInContactFields.map((f) => f.name), ...compiled.flow.doc.settings.attributes.map((a) => a.name)]);
  for (const [id, n] of compiled.flow.nodes) {
    if (!n.type || n.config === undefined) continue;
    nodes.set(id, { id, type: n.type, config: n.config });
    for (const a of definitionOf(n.type).analysis.writesAttributes(n.config)) contactFields.add(a.name);
  }
  return {
    versionId,
    flowId,
    machine: compiled.machine,
    nodes,
    settings: compiled.flow.doc.settings,
    contactFields: [...contactFields],
    triggers: compiled.graph.triggers.map((id) => nodes.get(id)!),
  };
}

/** Keeps compiled versions in memory (versions are immutable, so entries never go stale). */
export class VersionCache {
  private readonly entries = new Map<number, CompiledVersion>();
  constructor(private readonly max = 500) {}

  async get(versionId: number, load: () => Promise<{ flowId: string; document: unknown }>): Promise<CompiledVersion> {
    const hit = this.entries.get(versionId);
    if (hit) {
      this.entries.delete(versionId);
      this.entries.set(versionId, hit);
      return hit;
    }
    const { flowId, document } = await load();
    const compiled = compileVersion(versionId, flowId, document);
    this.entries.set(versionId, compiled);
    if (this.entries.size > this.max) this.entries.delete(this.entries.keys().next().value!);
    return compiled;
  }
}

/** The trigger an API start or a go-to-flow enters by: the flow's API trigger, else its first trigger. */
export function entryTrigger(version: CompiledVersion): CompiledNode | undefined {
  return version.triggers.find((t) => runtimeOf(t.type).startsOn === 'api') ?? version.triggers[0];
}
