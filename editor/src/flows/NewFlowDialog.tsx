import { useState, type FormEvent } from 'react';
import { FilePlus2, Sparkles } from 'lucide-react';
import { errorText } from '../api/client';
import { exampleStarters, loadExample } from '../app/examples';
import { Dialog } from '../shell/Dialog';
import './newFlow.css';

/** What the new flow starts from: nothing, or one of the example journeys (by file name). */
export type Starter = { kind: 'blank' } | { kind: 'example'; name: string };

/**
 * "New flow": a name and a starter, Blank or one of the example journeys with a line on what it
 * does. An empty name takes the example's title.
 */
export function NewFlowDialog({ onCreate, onClose }: { onCreate(name: string, document?: Record<string, unknown>): Promise<void>; onClose(): void }) {
  const [name, setName] = useState('');
  const [starter, setStarter] = useState<Starter>({ kind: 'blank' });
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    try {
      if (starter.kind === 'blank') await onCreate(name.trim() || 'Untitled flow');
      else {
        const example = exampleStarters.find((s) => s.name === starter.name);
        const document = (await loadExample(starter.name)) as Record<string, unknown>;
        await onCreate(name.trim() || example?.title || starter.name, document);
      }
    } catch (err) {
      setError(errorText(err));
      setBusy(false);
    }
  };
  const choice = (value: Starter, title: string, description: string, Icon: typeof Sparkles) => {
    const id = value.kind === 'blank' ? 'blank' : value.name;
    const checked = starter.kind === value.kind && (value.kind === 'blank' || (starter.kind === 'example' && starter.name === value.name));
    return (
      <label key={id} className={`tn-starter${checked ? ' tn-starter-on' : ''}`} data-starter={id}>
        <input type="radio" name="starter" checked={checked} onChange={() => setStarter(value)} />
        <Icon size={16} aria-hidden />
        <span>
          <strong>{title}</strong>
          <small>{description}</small>
        </span>
      </label>
    );
  };
  return (
    <Dialog title="New flow" onClose={onClose} testId="new-flow-dialog" wide>
      <form onSubmit={(e) => void submit(e)}>
        <label className="tn-field">
          <span className="tn-field-label">Name</span>
          <input
            autoFocus
            maxLength={120}
            value={name}
            placeholder={starter.kind === 'example' ? (exampleStarters.find((s) => s.name === starter.name)?.title ?? '') : 'e.g. Welcome new subscribers'}
            onChange={(e) => setName(e.target.value)}
            data-testid="new-flow-name"
          />
        </label>
        <fieldset className="tn-starters" data-testid="starters">
          <legend className="tn-field-label">Start from</legend>
          {choice({ kind: 'blank' }, 'Blank', 'An empty canvas: add a trigger, then each step with “+”.', FilePlus2)}
          {exampleStarters.map((s) => choice({ kind: 'example', name: s.name }, s.title, s.description, Sparkles))}
        </fieldset>
        {error && <p className="tn-errors">{error}</p>}
        <footer className="tn-dialog-actions">
          <button type="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="tn-primary" disabled={busy} data-testid="create-flow">
            Create
          </button>
        </footer>
      </form>
    </Dialog>
  );
}
