import { useCallback, useEffect, useMemo, useState } from 'react';
import { definitionOf, isNodeType } from '@tandem/nodes';
import { diagnosticCatalog } from '@tandem/shared';
import { iconFor } from '../canvas/icons';
import { keyedByContent } from '../shell/contentKeys';
import { useFlow, useFlowStore } from '../store/useFlow';
import { useValidation } from '../validation/useValidation';
import { FormEnvContext, type FormEnv } from './formContext';
import { nodeIssues } from './issues';
import { SchemaField, type OnFieldChange } from './SchemaField';
import { idsIn, pathKey } from './schemaInfo';

/** The settings of one step, generated from its type's schema; problems show under their fields. */
export function NodeConfigPanel({ nodeId }: { nodeId: string }) {
  const store = useFlowStore();
  const node = useFlow((s) => s.doc.nodes.find((n) => n.id === nodeId));
  const status = useValidation((s) => s.byNode.get(nodeId));
  const def = node && isNodeType(node.type) ? definitionOf(node.type) : undefined;
  const data = node?.data;
  const issues = useMemo(() => (def && data ? nodeIssues(def, data, status?.diagnostics ?? []) : new Map<string, string[]>()), [def, data, status]);
  /** What the last change reset or moved with it, said once under the header. */
  const [notes, setNotes] = useState<string[]>([]);
  // biome-ignore lint/correctness/useExhaustiveDependencies: another step's settings start without notes
  useEffect(() => setNotes([]), [nodeId]);
  /** Stores changed settings, with the settings that depend on them made consistent by the step's type. */
  const commit = useCallback(
    (next: Record<string, unknown>, coalesce?: string) => {
      const before = store.getState().doc.nodes.find((n) => n.id === nodeId)?.data ?? {};
      const made = def?.reconcile ? def.reconcile(before, next) : { data: next, notes: [] };
      store.getState().updateNodeData(nodeId, made.data, coalesce);
      setNotes(made.notes);
    },
    [store, nodeId, def],
  );
  const env = useMemo<FormEnv>(
    () => ({
      issues,
      nodeId,
      takenIds: () => idsIn(data),
      ...(data ? { node: { data, replace: (next: Record<string, unknown>) => commit(next) } } : {}),
    }),
    [issues, nodeId, data, commit],
  );
  const onChange: OnFieldChange = useCallback((next, at) => commit(next as Record<string, unknown>, `data:${nodeId}:${pathKey(at)}`), [commit, nodeId]);
  if (!node) return null;
  if (!def) {
    return (
      <section className="tn-panel">
        <h2>Unknown step “{node.type}”</h2>
        <p className="tn-help">This editor cannot show its settings. Edit it in the JSON view, or delete it.</p>
      </section>
    );
  }
  const Icon = iconFor(def.icon);
  // Problems not about one setting: the step's outputs and connections, or its settings as a whole.
  const general = (status?.diagnostics ?? []).filter((d) => !d.path || d.code === 'invalid-config' || d.path[0] === 'ports');
  return (
    <section className="tn-panel" aria-label={`${def.label} settings`}>
      <header className="tn-panel-head">
        <Icon size={18} aria-hidden />
        <div>
          <h2>{def.label}</h2>
          <code className="tn-muted">{node.id}</code>
        </div>
      </header>
      <p className="tn-help">{def.description}</p>
      {notes.length > 0 && (
        <div className="tn-changed" role="status" aria-label="Changed with it">
          <strong>Changed with it</strong>
          <ul>
            {notes.map((note) => (
              <li key={note}>{note}</li>
            ))}
          </ul>
        </div>
      )}
      {general.length > 0 && (
        <ul className="tn-diagnostics">
          {keyedByContent(general).map(({ key, item: d }) => (
            <li key={key} className={`tn-${d.severity}`}>
              <strong>{diagnosticCatalog[d.code]?.title ?? d.code}</strong> {d.message}
            </li>
          ))}
        </ul>
      )}
      <FormEnvContext.Provider value={env}>
        <SchemaField schema={def.config} value={node.data} path={[]} onChange={onChange} />
      </FormEnvContext.Provider>
    </section>
  );
}
