import { Plus } from 'lucide-react';

/** What an empty flow shows in the middle of the canvas: add the trigger (the picker opens below the button). */
export function EmptyCanvasHint({ onAdd }: { onAdd(at: { x: number; y: number }): void }) {
  return (
    <div className="tn-empty-canvas">
      <button
        type="button"
        className="tn-primary"
        data-testid="add-first-step"
        onClick={(e) => {
          const r = e.currentTarget.getBoundingClientRect();
          onAdd({ x: r.left, y: r.bottom + 8 });
        }}
      >
        <Plus size={16} aria-hidden /> Add a trigger
      </button>
      <p className="tn-muted">How the journey starts: a message, a business event, a schedule… Or drag one from the left.</p>
    </div>
  );
}
