import type { DragEvent } from 'react';
import { useReactFlow } from '@xyflow/react';
import { StickyNote } from 'lucide-react';
import { useFlowStore } from '../store/useFlow';
import { stepCatalog } from './catalog';
import { iconFor } from './icons';

/** Drag data type of a palette item: the node type (or "note"). */
export const PALETTE_MIME = 'application/x-tandem-node';

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
      {stepCatalog().map(({ category, title, steps }) => (
        <section key={category}>
          <h3>{title}</h3>
          {steps.map((step) => {
            const Icon = iconFor(step.icon);
            return (
              <button
                key={step.type}
                type="button"
                className={`tn-palette-item tn-cat-${category}`}
                draggable
                data-palette={step.type}
                title={step.description}
                onDragStart={(e) => onDragStart(e, step.type)}
                onClick={() => store.getState().addNode(step.type, center())}
              >
                <Icon size={16} aria-hidden />
                {step.label}
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
