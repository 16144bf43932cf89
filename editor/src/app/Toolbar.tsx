import { useRef, useState, type ChangeEvent } from 'react';
import { useReactFlow } from '@xyflow/react';
import {
  ArrowLeft,
  BarChart3,
  Braces,
  ClipboardPaste,
  Copy,
  CopyPlus,
  Download,
  FolderOpen,
  History,
  MessageCircle,
  Network,
  Redo2,
  Rocket,
  Trash,
  Undo2,
} from 'lucide-react';
import { layoutFlow } from '../canvas/autoLayout';
import { readClipboard } from '../store/clipboard';
import { clipboardFallback, readClipboardText, writeClipboard } from '../store/clipboardFallback';
import { useFlow, useFlowStore } from '../store/useFlow';
import { useValidation } from '../validation/useValidation';
import { useEditorEnv } from '../form/editorEnv';
import { navigate } from '../shell/router';
import { useWorkspaceData } from '../workspace/workspaceData';
import { exampleNames, loadExample } from './examples';
import { UnpublishedChip } from './UnpublishedChip';

/** What the right-hand column shows. */
export type SideMode = 'inspector' | 'history' | 'simulator' | 'analytics';

export interface ToolbarProps {
  onToggleJson: () => void;
  onMessage: (text: string) => void;
  side?: SideMode;
  onSide?: (mode: SideMode) => void;
  onPublish?: () => void;
}

/** Loading and exporting, history, clipboard, layout, JSON view, save status and Publish. */
export function Toolbar({ onToggleJson, onMessage, side = 'inspector', onSide, onPublish }: ToolbarProps) {
  const workspace = useWorkspaceData();
  const readOnly = useEditorEnv().readOnly === true;
  const store = useFlowStore();
  const rf = useReactFlow();
  const name = useFlow((s) => s.doc.name);
  const canUndo = useFlow((s) => s.past.length > 0);
  const canRedo = useFlow((s) => s.future.length > 0);
  const hasSelection = useFlow((s) => s.selection.nodes.size + s.selection.notes.size + s.selection.edges.size > 0);
  const save = useFlow((s) => s.saveStatus);
  const errors = useValidation((s) => s.errorCount);
  const localErrors = useValidation((s) => s.localErrorCount);
  const serverCheck = useValidation((s) => s.server.state);
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

  // On the server, a draft nobody changed since it was opened is saved.
  const saveText =
    { idle: workspace ? 'Saved' : '', saving: 'Saving…', saved: 'Saved', error: 'Not saved', invalid: 'Not saved' }[save.state] +
    ('message' in save ? `: ${save.message}` : '');
  const toggle = (mode: SideMode) => onSide?.(side === mode ? 'inspector' : mode);
  const sandbox = workspace?.workspace.transport === 'sandbox';
  const publishBlocked = pending || localErrors > 0 || errors > 0;
  return (
    <header className="tn-toolbar">
      {workspace && (
        <button
          type="button"
          aria-label="Back to the flows"
          title="Back to the flows"
          onClick={() => navigate({ name: 'flows', workspaceId: workspace.workspace.id })}
        >
          <ArrowLeft size={16} />
        </button>
      )}
      <strong className="tn-flow-name" title={name} data-testid="flow-name">
        {name}
      </strong>
      {workspace && <LiveChip live={workspace.liveVersion} />}
      {workspace && <UnpublishedChip />}
      {!workspace && (
        <select
          aria-label="Open an example"
          value=""
          onChange={(e) => e.target.value && void loadExample(e.target.value).then((json) => load(json, e.target.value))}
        >
          <option value="">Examples…</option>
          {exampleNames.map((n) => (
            <option key={n} value={n}>
              {n}
            </option>
          ))}
        </select>
      )}
      {!workspace && (
        <button type="button" onClick={() => file.current?.click()} title="Open a flow JSON file">
          <FolderOpen size={16} /> Open
        </button>
      )}
      <input ref={file} type="file" accept="application/json,.json" hidden onChange={(e) => void onFile(e)} />
      <button type="button" onClick={exportJson} title="Download the flow as JSON" aria-label="Export">
        <Download size={16} />
        {!workspace && ' Export'}
      </button>
      {!readOnly && (
        <>
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
          <button
            type="button"
            aria-label="Duplicate"
            title="Duplicate (Ctrl+D)"
            disabled={!hasSelection}
            onClick={() => store.getState().duplicateSelection()}
          >
            <CopyPlus size={16} />
          </button>
          <button type="button" aria-label="Delete" title="Delete (Del)" disabled={!hasSelection} onClick={() => store.getState().deleteSelection()}>
            <Trash size={16} />
          </button>
          <span className="tn-sep" />
          <button type="button" onClick={() => void autoLayout()} disabled={busy} title="Arrange the steps left to right" aria-label="Auto-layout">
            <Network size={16} />
            {!workspace && ' Auto-layout'}
          </button>
          <button type="button" onClick={onToggleJson} title="Edit the flow as JSON">
            <Braces size={16} /> JSON
          </button>
        </>
      )}
      <span className="tn-spacer" />
      {!readOnly && (
        <span className={`tn-save tn-save-${save.state}`} title={'message' in save ? save.message : undefined} data-save={save.state} data-testid="save-state">
          {saveText}
        </span>
      )}
      {!readOnly && (
        <span className="tn-check-summary" data-testid="check-summary">
          {pending ? 'Checking…' : errors ? `${errors} error${errors === 1 ? '' : 's'}` : 'No errors'}
          {!pending && warnings > 0 && `, ${warnings} warning${warnings === 1 ? '' : 's'}`}
          {workspace && serverCheck === 'checking' && ' · asking the server…'}
        </span>
      )}
      {workspace && onSide && (
        <>
          <span className="tn-sep" />
          <button
            type="button"
            className={side === 'history' ? 'tn-active' : ''}
            aria-pressed={side === 'history'}
            onClick={() => toggle('history')}
            title="Published versions"
          >
            <History size={16} /> Versions
          </button>
          <button
            type="button"
            className={side === 'analytics' ? 'tn-active' : ''}
            aria-pressed={side === 'analytics'}
            onClick={() => toggle('analytics')}
            title="How many contacts reached each step"
          >
            <BarChart3 size={16} /> Analytics
          </button>
          <button
            type="button"
            className={side === 'simulator' ? 'tn-active' : ''}
            aria-pressed={side === 'simulator'}
            disabled={!sandbox}
            onClick={() => toggle('simulator')}
            title={sandbox ? 'Chat with the published journeys as a test contact' : 'The simulator works in sandbox workspaces'}
          >
            <MessageCircle size={16} /> Simulator
          </button>
        </>
      )}
      {!readOnly && (
        <button
          type="button"
          className="tn-primary"
          disabled={publishBlocked}
          title={
            errors > 0
              ? 'Fix the errors in the Problems panel first'
              : workspace
                ? 'Publish the draft as a new version'
                : 'Publishing needs the server; the flow passes every check.'
          }
          onClick={() => (onPublish ? onPublish() : onMessage('Publishing needs the server; the flow passes every check.'))}
        >
          <Rocket size={16} /> Publish
        </button>
      )}
    </header>
  );
}

function LiveChip({ live }: { live: number | null }) {
  return (
    <span className={`tn-chip ${live ? 'tn-chip-live' : ''}`} data-testid="live-version">
      {live ? `Live: v${live}` : 'Not published'}
    </span>
  );
}
