import { useCallback, useMemo } from 'react';
import { flowNoteSchema } from '@tandem/shared';
import { useFlow, useFlowStore } from '../store/useFlow';
import { FormEnvContext, type FormEnv } from './formContext';
import { schemaIssues } from './issues';
import { SchemaField, type OnFieldChange } from './SchemaField';
import { pathKey } from './schemaInfo';

const noteFields = flowNoteSchema.pick({ text: true, color: true });

/** A sticky note's text and colour. */
export function NotePanel({ noteId }: { noteId: string }) {
  const store = useFlowStore();
  const note = useFlow((s) => s.doc.notes.find((n) => n.id === noteId));
  const value = useMemo(() => (note ? { text: note.text, color: note.color } : undefined), [note]);
  const env = useMemo<FormEnv>(() => ({ issues: schemaIssues(noteFields, value), takenIds: () => new Set() }), [value]);
  const onChange: OnFieldChange = useCallback(
    (next, at) => store.getState().updateNote(noteId, next as { text: string; color: 'yellow' }, `note:${noteId}:${pathKey(at)}`),
    [store, noteId],
  );
  if (!value) return null;
  return (
    <section className="tn-panel" aria-label="Note">
      <h2>Sticky note</h2>
      <FormEnvContext.Provider value={env}>
        <SchemaField schema={noteFields} value={value} path={[]} onChange={onChange} />
      </FormEnvContext.Provider>
    </section>
  );
}
