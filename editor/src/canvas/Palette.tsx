import type { DragEvent } from 'react';
import { useReactFlow } from '@xyflow/react';
import { StickyNote } from 'lucide-react';
import { definitionOf, nodeCategories, nodeTypes, type NodeCategory, type NodeType } from '@tandem/nodes';
import { useFlowStore } from '../store/useFlow';
import { iconFor } from './icons';

/** Drag data type of a palette item: the node type (or "note"). */
export const PALETTE_MIME = 'application/x-tandem-node';

const categoryTitles: Record<NodeCategory, string> = {
  trigger: 'Triggers',
  message: 'Messages',
  logic: 'Logic',
  human: 'Human',
  flow: 'Flow',
};

/** The node catalog by category; drag an item onto the canvas, or click it to add it in the middle. */
export function Palette() {
  const store = useFlowStore();
  const rf = useReactFlow();
  const center = () => {
    const pane = document.querySelector('.tn-canvas')?.getBoundingClientRect();
    return rf.screenToFlowPosition(pane ? { x: pane.left + pane.width / 2, y: pane.top + pane.height / 2 } : { x: 0, y: 0 }, { snapToGrid: true });
  };
  const onDragStart = (e: DragEvent, type: string) => {
    e.dataTransfer.setData(PALETTE_MIME, type);
    e.dataTransfer.effectAllowed = 'move';
  };
  return (
    <nav className="tn-palette" aria-label="Steps">
      {nodeCategories.map((category) => (
        <section key={category}>
          <h3>{categoryTitles[category]}</h3>
          {nodeTypes
            .filter((t) => definitionOf(t).category === category)
            .map((type: NodeType) => {
              const def = definitionOf(type);
              const Icon = iconFor(def.icon);
              return (
                <button
                  key={type}
                  type="button"
                  className={`tn-palette-item tn-cat-${category}`}
                  draggable
                  data-palette={type}
                  title={def.description}
                  onDragStart={(e) => onDragStart(e, type)}
                  onClick={() => store.getState().addNode(type, center())}
                >
                  <Icon size={16} aria-hidden />
                  {def.label}
                </button>
              );
            })}
          {category === 'flow' && (
            <button
              type="button"
              className="tn-palette-item tn-palette-note"
              draggable
              data-palette="note"
              title="A sticky note on the canvas; never executed"
              onDragStart={(e) => onDragStart(e, 'note')}
              onClick={() => store.getState().addNote(center())}
            >
              <StickyNote size={16} aria-hidden />
              Sticky note
            </button>
          )}
        </section>
      ))}
    </nav>
  );
}
