import { useCallback, useMemo } from 'react';
import { flowDocumentSchema, flowSettingsSchema, type FlowSettings } from '@tandem/shared';
import { useFlow, useFlowStore } from '../store/useFlow';
import { FormEnvContext, type FormEnv } from './formContext';
import { schemaIssues } from './issues';
import { SchemaField, type OnFieldChange } from './SchemaField';
import { pathKey } from './schemaInfo';

const metaSchema = flowDocumentSchema.pick({ name: true, description: true });

/** Flow-wide settings (name, re-entry, time zone, quiet hours, human replies, attributes), generated from the flow schema. */
export function FlowSettingsPanel() {
  const store = useFlowStore();
  const name = useFlow((s) => s.doc.name);
  const description = useFlow((s) => s.doc.description);
  const settings = useFlow((s) => s.doc.settings);
  const meta = useMemo(() => ({ name, ...(description !== undefined ? { description } : {}) }), [name, description]);
  const env = useMemo<FormEnv>(
    () => ({ issues: new Map([...schemaIssues(metaSchema, meta), ...prefixed(schemaIssues(flowSettingsSchema, settings))]), takenIds: () => new Set() }),
    [meta, settings],
  );
  const onMeta: OnFieldChange = useCallback(
    (next, at) => store.getState().updateMeta(next as { name: string; description?: string }, `meta:${pathKey(at)}`),
    [store],
  );
  const onSettings: OnFieldChange = useCallback((next, at) => store.getState().updateSettings(next as FlowSettings, `settings:${pathKey(at)}`), [store]);
  return (
    <section className="tn-panel" aria-label="Flow settings">
      <h2>Flow settings</h2>
      <FormEnvContext.Provider value={env}>
        <SchemaField schema={metaSchema} value={meta} path={[]} onChange={onMeta} />
        <SchemaField schema={flowSettingsSchema} value={settings} path={['settings']} onChange={onSettings} label="Settings" />
      </FormEnvContext.Provider>
    </section>
  );
}

function prefixed(issues: Map<string, string[]>): Map<string, string[]> {
  return new Map([...issues].map(([k, v]) => [k ? `settings.${k}` : 'settings', v]));
}
