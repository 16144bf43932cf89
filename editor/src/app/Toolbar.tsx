import { useRef, useState, type ChangeEvent } from 'react';
import { useReactFlow } from '@xyflow/react';
import { Braces, ClipboardPaste, Copy, CopyPlus, Download, FolderOpen, Network, Redo2, Rocket, Trash, Undo2 } from 'lucide-react';
import { layoutFlow } from '../canvas/autoLayout';
import { readClipboard } from '../store/clipboard';
import { clipboardFallback, readClipboardText, writeClipboard } from '../store/clipboardFallback';
import { useFlow, useFlowStore } from '../store/useFlow';
import { useValidation } from '../validation/useValidation';
import { exampleNames, loadExample } from './examples';

/** Loading and exporting, history, clipboard, layout, JSON view, save status and Publish. */
export function Toolbar({ onToggleJson, onMessage }: { onToggleJson: () => void; onMessage: (text: string) => void }) {
  const store = useFlowStore();
  const rf = useReactFlow();
  const name = useFlow((s) => s.doc.name);
  const canUndo = useFlow((s) => s.past.length > 0);
  const canRedo = useFlow((s) => s.future.length > 0);
  const hasSelection = useFlow((s) => s.selection.nodes.size + s.selection.notes.size + s.selection.edges.size > 0);
  const save = useFlow((s) => s.saveStatus);
  const errors = useValidation((s) => s.errorCount);
  const warnings = useValidation((s) => s.warningCount);
  const pending = useValidation((s) => s.pending);
  const file = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState(false);

  const load = (json: unknown, what: string) => {
    const result = store.getState().load(json);
    if (!result.ok) onMessage(`${what} is not a valid flow: ${result.errors.slice(0, 3).join('; ')}`);
    else {
      onMessage(result.migrated.length ? `Loaded ${what}; updated ${result.migrated.length} step(s) to their current settings version` : `Loaded ${what}`);
      requestAnimationFrame(() => void rf.fitView());
    }
  };
  const onFile = async (e: ChangeEvent<HTMLInputElement>) => {
    const f = e.target.files?.[0];
    e.target.value = '';
    if (!f) return;
    try {
      load(JSON.parse(await f.text()), f.name);
    } catch (error) {
      onMessage(`${f.name} is not JSON: ${error instanceof Error ? error.message : String(error)}`);
    }
  };
  const exportJson = () => {
    const doc = store.getState().doc;
    const url = URL.createObjectURL(new Blob([JSON.stringify(doc, null, 2)], { type: 'application/json' }));
    const a = document.createElement('a');
    a.href = url;
    a.download = `${doc.name.replace(/[^\w-]+/g, '-').toLowerCase() || 'flow'}.json`;
    a.click();
    URL.revokeObjectURL(url);
  };
  const autoLayout = async () => {
    setBusy(true);
    try {
      const { doc, sizes } = store.getState();
      const positions = await layoutFlow(doc, sizes);
      store.getState().moveElements([...positions].map(([id, position]) => ({ id, position })));
      requestAnimationFrame(() => void rf.fitView({ duration: 300 }));
    } finally {
      setBusy(false);
    }
  };
  const copy = async () => {
    const text = store.getState().copySelection();
    if (text) await writeClipboard(text);
  };
  const paste = async () => {
    const text = await readClipboardText();
    const usable = text && readClipboard(text) ? text : clipboardFallback.read();
    if (!usable || !store.getState().paste(usable)) onMessage('Nothing to paste: copy steps first');
  };

  const saveText = { idle: '', saving: 'Saving…', saved: 'Saved', error: 'Not saved', invalid: 'Not saved' }[save.state];
  return (
    <header className="tn-toolbar">
      <strong className="tn-flow-name" title={name}>
        {name}
      </strong>
      <select aria-label="Open an example" value="" onChange={(e) => e.target.value && void loadExample(e.target.value).then((json) => load(json, e.target.value))}>
        <option value="">Examples…</option>
        {exampleNames.map((n) => (
          <option key={n} value={n}>
            {n}
          </option>
        ))}
      </select>
      <button type="button" onClick={() => file.current?.click()} title="Open a flow JSON file">
        <FolderOpen size={16} /> Open
      </button>
      <input ref={file} type="file" accept="application/json,.json" hidden onChange={(e) => void onFile(e)} />
      <button type="button" onClick={exportJson} title="Download the flow as JSON">
        <Download size={16} /> Export
      </button>
      <span className="tn-sep" />
      <button type="button" aria-label="Undo" title="Undo (Ctrl+Z)" disabled={!canUndo} onClick={() => store.getState().undo()}>
        <Undo2 size={16} />
      </button>
      <button type="button" aria-label="Redo" title="Redo (Shift+Ctrl+Z)" disabled={!canRedo} onClick={() => store.getState().redo()}>
        <Redo2 size={16} />
      </button>
      <button type="button" aria-label="Copy" title="Copy (Ctrl+C)" disabled={!hasSelection} onClick={() => void copy()}>
        <Copy size={16} />
      </button>
      <button type="button" aria-label="Paste" title="Paste (Ctrl+V)" onClick={() => void paste()}>
        <ClipboardPaste size={16} />
      </button>
      <button type="button" aria-label="Duplicate" title="Duplicate (Ctrl+D)" disabled={!hasSelection} onClick={() => store.getState().duplicateSelection()}>
        <CopyPlus size={16} />
      </button>
      <button type="button" aria-label="Delete" title="Delete (Del)" disabled={!hasSelection} onClick={() => store.getState().deleteSelection()}>
        <Trash size={16} />
      </button>
      <span className="tn-sep" />
      <button type="button" onClick={() => void autoLayout()} disabled={busy} title="Arrange the steps left to right">
        <Network size={16} /> Auto-layout
      </button>
      <button type="button" onClick={onToggleJson} title="Edit the flow as JSON">
        <Braces size={16} /> JSON
      </button>
      <span className="tn-spacer" />
      <span className={`tn-save tn-save-${save.state}`} title={'message' in save ? save.message : undefined} data-save={save.state}>
        {saveText}
      </span>
      <span className="tn-check-summary" data-testid="check-summary">
        {pending ? 'Checking…' : errors ? `${errors} error${errors === 1 ? '' : 's'}` : 'No errors'}
        {!pending && warnings > 0 && `, ${warnings} warning${warnings === 1 ? '' : 's'}`}
      </span>
      <button
        type="button"
        className="tn-primary"
        disabled={pending || errors > 0}
        title={errors > 0 ? 'Fix the errors in the Problems panel first' : 'Publishing arrives with the server'}
        onClick={() => onMessage('Publishing arrives with the server; the flow passes every check.')}
      >
        <Rocket size={16} /> Publish
      </button>
    </header>
  );
}
