import { memo } from 'react';
import { NodeResizer, type Node, type NodeProps } from '@xyflow/react';
import { useFlowStore } from '../store/useFlow';
import { useEditorEnv } from '../form/editorEnv';

type NoteNodeData = { noteId: string; text: string; color: string };
export type NoteCanvasNode = Node<NoteNodeData, 'note'>;

/** A sticky note: editable text, resizable, never connected. */
function NoteNodeView({ data, selected }: NodeProps<NoteCanvasNode>) {
  const store = useFlowStore();
  const readOnly = useEditorEnv().readOnly === true;
  return (
    <div className={`tn-note tn-note-${data.color}`}>
      <NodeResizer isVisible={selected && !readOnly} minWidth={120} minHeight={60} />
      <textarea
        className="nodrag nowheel"
        aria-label="Note text"
        value={data.text}
        placeholder="Write a note…"
        maxLength={2000}
        readOnly={readOnly}
        onChange={(e) => store.getState().updateNote(data.noteId, { text: e.target.value }, `note:${data.noteId}:text`)}
      />
    </div>
  );
}

export const NoteNode = memo(NoteNodeView);
