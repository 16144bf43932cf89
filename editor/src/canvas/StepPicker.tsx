import { useEffect, useLayoutEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import type { NodeType } from '@tandem/nodes';
import { searchCatalog } from './catalog';
import { iconFor } from './icons';
import './canvas.css';

const WIDTH = 300;
const HEIGHT = 380;

export interface StepPickerProps {
  /** Where it opens, in client coordinates (it stays inside `bounds`). */
  at: { x: number; y: number };
  bounds: DOMRect | undefined;
  /** What the new step hangs from, in words ("after “Tea”"). */
  title: string;
  triggers: boolean;
  onPick(type: NodeType): void;
  onClose(): void;
}

/** The step picker: search by name, grouped like the palette; ↑ ↓ to move, Enter to add, Esc to close. */
export function StepPicker({ at, bounds, title, triggers, onPick, onClose }: StepPickerProps) {
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const groups = useMemo(() => searchCatalog(query, { triggers }), [query, triggers]);
  const flat = useMemo(() => groups.flatMap((g) => g.steps), [groups]);
  const root = useRef<HTMLDivElement>(null);
  const input = useRef<HTMLInputElement>(null);

  useLayoutEffect(() => input.current?.focus(), []);
  useEffect(() => {
    root.current?.querySelector('[aria-selected="true"]')?.scrollIntoView?.({ block: 'nearest' });
  });
  useEffect(() => {
    const away = (e: PointerEvent) => {
      if (root.current && e.target instanceof Node && !root.current.contains(e.target)) onClose();
    };
    document.addEventListener('pointerdown', away, true);
    return () => document.removeEventListener('pointerdown', away, true);
  }, [onClose]);

  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      if (flat.length) setActive((a) => (a + (e.key === 'ArrowDown' ? 1 : flat.length - 1)) % flat.length);
    } else if (e.key === 'Enter') {
      e.preventDefault();
      const step = flat[active];
      if (step) onPick(step.type);
    } else if (e.key === 'Escape') {
      e.preventDefault();
      e.stopPropagation();
      onClose();
    }
  };

  const left = bounds ? clamp(at.x - bounds.left, 8, bounds.width - WIDTH - 8) : at.x;
  const top = bounds ? clamp(at.y - bounds.top, 8, bounds.height - HEIGHT - 8) : at.y;
  let index = -1;
  return (
    <div ref={root} className="tn-picker nokey" role="dialog" aria-label="Add a step" style={{ left, top }} data-testid="step-picker" onKeyDown={onKeyDown}>
      <p className="tn-picker-title">{title}</p>
      <input
        ref={input}
        type="search"
        placeholder="Search steps"
        aria-label="Search steps"
        aria-controls="tn-picker-list"
        aria-activedescendant={flat[active] ? `tn-pick-${flat[active].type}` : undefined}
        value={query}
        onChange={(e) => {
          setQuery(e.target.value);
          setActive(0);
        }}
        data-testid="step-picker-search"
      />
      <div id="tn-picker-list" className="tn-picker-list" role="listbox" aria-label="Steps">
        {groups.map((g) => (
          <div key={g.category}>
            <h4>{g.title}</h4>
            {g.steps.map((step) => {
              index++;
              const i = index;
              const Icon = iconFor(step.icon);
              return (
                <div
                  key={step.type}
                  id={`tn-pick-${step.type}`}
                  role="option"
                  tabIndex={-1}
                  aria-selected={i === active}
                  className="tn-picker-item"
                  style={{ '--tn-cat': `var(--tn-${step.category})` } as React.CSSProperties}
                  data-pick={step.type}
                  onPointerMove={() => setActive(i)}
                  onClick={() => onPick(step.type)}
                  onKeyDown={() => undefined}
                >
                  <Icon size={16} aria-hidden />
                  <span>
                    <strong>{step.label}</strong>
                    <small>{step.description}</small>
                  </span>
                </div>
              );
            })}
          </div>
        ))}
        {flat.length === 0 && <p className="tn-muted tn-picker-none">No step matches “{query}”.</p>}
      </div>
    </div>
  );
}

function clamp(v: number, min: number, max: number): number {
  return Math.max(min, Math.min(v, Math.max(min, max)));
}
