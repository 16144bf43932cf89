import { Keyboard } from 'lucide-react';

const shortcuts: [keys: string, what: string][] = [
  ['+ on an output', 'Add the next step there, connected'],
  ['Tab', 'Add the next step after the selected one'],
  ['← → ↑ ↓', 'Move to the next, previous or neighbouring step'],
  ['Ctrl/⌘ F', 'Find a step'],
  ['Drag an output', 'Drop on a step to connect, or on empty canvas to add one'],
  ['Delete', 'Delete the selected steps or connection'],
  ['Ctrl/⌘ Z, ⇧ Ctrl/⌘ Z', 'Undo, redo'],
  ['Ctrl/⌘ C, V, D', 'Copy, paste, duplicate'],
  ['Ctrl/⌘ A', 'Select everything'],
  ['Shift + drag', 'Select with a box'],
  ['?', 'Show or hide this list'],
];

/** The "?" button of the canvas and the list of keyboard and mouse shortcuts it opens. */
export function ShortcutsHelp({ open, onToggle }: { open: boolean; onToggle(): void }) {
  return (
    <div className="tn-shortcuts">
      <button
        type="button"
        className="tn-icon-button"
        aria-expanded={open}
        aria-label="Keyboard shortcuts"
        title="Keyboard shortcuts (?)"
        onClick={onToggle}
        data-testid="shortcuts-button"
      >
        <Keyboard size={15} aria-hidden /> ?
      </button>
      {open && (
        <dl className="tn-shortcuts-list" data-testid="shortcuts">
          {shortcuts.map(([keys, what]) => (
            <div key={keys}>
              <dt>
                <kbd>{keys}</kbd>
              </dt>
              <dd>{what}</dd>
            </div>
          ))}
        </dl>
      )}
    </div>
  );
}
