import type { ReactNode } from 'react';
import { useFlow } from '../store/useFlow';
import { useEditorEnv } from './editorEnv';
import { FlowSettingsPanel } from './FlowSettingsPanel';
import { NodeConfigPanel } from './NodeConfigPanel';
import { NotePanel } from './NotePanel';

/** The settings column: the selected step's settings, a note, or (nothing selected) the flow's settings. */
export function Inspector() {
  const readOnly = useEditorEnv().readOnly === true;
  const selection = useFlow((s) => s.selection);
  const total = selection.nodes.size + selection.notes.size;
  let body: ReactNode;
  if (selection.nodes.size === 1 && total === 1) {
    const [id] = selection.nodes;
    body = <NodeConfigPanel key={id} nodeId={id!} />;
  } else if (selection.notes.size === 1 && total === 1) {
    const [id] = selection.notes;
    body = <NotePanel key={id} noteId={id!} />;
  } else if (total > 1) {
    body = (
      <section className="tn-panel">
        <h2>{total} items selected</h2>
        <p className="tn-help">Delete, copy (Ctrl+C) or duplicate (Ctrl+D) them together.</p>
      </section>
    );
  } else {
    body = <FlowSettingsPanel />;
  }
  // A shown version's settings can be read, not changed: the browser disables every control in the fieldset.
  return readOnly ? (
    <fieldset disabled className="tn-readonly-fields" aria-label="Read-only settings">
      {body}
    </fieldset>
  ) : (
    body
  );
}
