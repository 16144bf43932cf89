import { useState, type FormEvent, type ReactNode } from 'react';
import { errorText } from '../api/client';
import { Dialog } from './Dialog';

/** A dialog that asks for one name and creates something with it; the error, if any, stays in the dialog. */
export function NameDialog(props: {
  title: string;
  help?: ReactNode;
  placeholder: string;
  /** When false, an empty name is sent as is (the caller picks a default). */
  required: boolean;
  testIds: { dialog: string; name: string; submit: string };
  onSubmit: (name: string) => Promise<void>;
  onClose: () => void;
}) {
  const [name, setName] = useState('');
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    try {
      await props.onSubmit(name.trim());
    } catch (err) {
      setError(errorText(err));
      setBusy(false);
    }
  };
  return (
    <Dialog title={props.title} onClose={props.onClose} testId={props.testIds.dialog}>
      <form onSubmit={(e) => void submit(e)}>
        {props.help && <p className="tn-help">{props.help}</p>}
        <label className="tn-field">
          <span className="tn-field-label">Name</span>
          <input
            autoFocus
            required={props.required}
            maxLength={120}
            value={name}
            placeholder={props.placeholder}
            onChange={(e) => setName(e.target.value)}
            data-testid={props.testIds.name}
          />
        </label>
        {error && <p className="tn-errors">{error}</p>}
        <footer className="tn-dialog-actions">
          <button type="button" onClick={props.onClose}>
            Cancel
          </button>
          <button type="submit" className="tn-primary" disabled={busy || (props.required && !name.trim())} data-testid={props.testIds.submit}>
            Create
          </button>
        </footer>
      </form>
    </Dialog>
  );
}
