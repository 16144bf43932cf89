import { useState } from 'react';
import { RefreshCw } from 'lucide-react';
import type { WaFlowInfo } from '@tandem/shared';
import { errorText } from '../api/client';
import type { WaFlowSync, WaFlowView } from '../workspace/types';
import { answersFor, applyWaFlow, savesNoAnswers } from './applyWaFlow';
import { useFormEnv } from './formContext';
import { isRecord } from './schemaInfo';

export interface WaFlowPickerProps {
  id: string;
  path: string;
  waFlows: readonly WaFlowView[];
  /** Fetches the Flows from WhatsApp again (the list updates when it is done). */
  onSync: () => Promise<WaFlowSync>;
}

/**
 * Chooses the WhatsApp Flow a "Send WhatsApp Flow" step sends, from the workspace's synced Flows:
 * picking one sets its id and name and, when no screen is set, its first screen. Unpublished Flows
 * can be picked (the checks say why they cannot reach customers). Shows the Flow's screens and
 * fields, and offers to save every answer to a journey variable while the step saves none.
 */
export function WaFlowPicker({ id, path, waFlows, onSync }: WaFlowPickerProps) {
  const env = useFormEnv();
  const data = env.node?.data ?? {};
  const current = isRecord(data.flow) ? { id: String(data.flow.id ?? ''), name: String(data.flow.name ?? '') } : { id: '', name: '' };
  const chosen = waFlows.find((f) => f.id === current.id);
  const sorted = [...waFlows].sort((a, b) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id));
  const pick = (flowId: string) => {
    const f = waFlows.find((x) => x.id === flowId);
    if (f && env.node) env.node.replace(applyWaFlow(env.node.data, f, chosen));
  };
  const saveAll = (f: WaFlowInfo) => env.node?.replace({ ...env.node.data, answers: answersFor(f) });
  return (
    <div className="tn-template-picker tn-wa-flow-picker" data-testid="wa-flow-picker">
      <div className="tn-row">
        <select id={id} data-path={path} value={chosen ? chosen.id : ''} onChange={(e) => pick(e.target.value)} aria-label="WhatsApp Flow">
          {!chosen && <option value="">{current.id ? `${current.name || current.id} — not in this workspace` : 'Pick a WhatsApp Flow…'}</option>}
          {sorted.map((f) => (
            <option key={f.id} value={f.id}>
              {optionText(f)}
            </option>
          ))}
        </select>
        <SyncButton onSync={onSync} />
      </div>
      {waFlows.length === 0 && <p className="tn-help">This workspace has no WhatsApp Flows yet. Create one in WhatsApp Manager, then sync.</p>}
      {chosen && <WaFlowCard flow={chosen} offerAnswers={savesNoAnswers(data)} onSaveAll={() => saveAll(chosen)} />}
    </div>
  );
}

/** "lead_signup · lead generation", with the status when the Flow is not published. */
function optionText(f: WaFlowView): string {
  const categories = f.categories.map((c) => c.toLowerCase().replace(/_/g, ' ')).join(', ');
  return `${f.name}${categories ? ` · ${categories}` : ''}${f.status !== 'PUBLISHED' ? ` · ${f.status.toLowerCase()}` : ''}`;
}

function SyncButton({ onSync }: { onSync: () => Promise<WaFlowSync> }) {
  const [state, setState] = useState<{ busy: boolean; text?: string; error?: boolean }>({ busy: false });
  const sync = async () => {
    setState({ busy: true });
    try {
      const r = await onSync();
      const unreadable = r.unreadable.length ? `; could not read ${r.unreadable.join(', ')}` : '';
      setState({ busy: false, text: `Synced ${r.synced} Flow${r.synced === 1 ? '' : 's'}${unreadable}` });
    } catch (e) {
      setState({ busy: false, text: errorText(e), error: true });
    }
  };
  return (
    <>
      <button
        type="button"
        onClick={() => void sync()}
        disabled={state.busy}
        title="Fetch the WhatsApp Flows of the WhatsApp Business Account"
        data-testid="wa-flow-sync"
      >
        <RefreshCw size={14} aria-hidden /> {state.busy ? 'Syncing…' : 'Sync from WhatsApp'}
      </button>
      {state.text && (
        <p className={state.error ? 'tn-errors' : 'tn-help'} role={state.error ? 'alert' : 'status'} data-testid="wa-flow-sync-result">
          {state.text}
        </p>
      )}
    </>
  );
}

/** The picked Flow: its status and categories, and each screen with the fields its reply carries. */
function WaFlowCard({ flow, offerAnswers, onSaveAll }: { flow: WaFlowInfo; offerAnswers: boolean; onSaveAll: () => void }) {
  const rows = answersFor(flow);
  const published = flow.status === 'PUBLISHED';
  return (
    <div className="tn-template-card" data-testid="wa-flow-card">
      <div className="tn-chips">
        <span className={`tn-chip${published ? ' tn-chip-live' : ' tn-chip-warning'}`} data-testid="wa-flow-status">
          {flow.status.toLowerCase()}
        </span>
        {flow.categories.map((c) => (
          <span key={c} className="tn-chip">
            {c.toLowerCase().replace(/_/g, ' ')}
          </span>
        ))}
      </div>
      {!published && <p className="tn-help tn-warning">WhatsApp sends only published Flows to customers: publish it in WhatsApp Manager, then sync.</p>}
      {flow.screens.map((s) => (
        <div key={s.id} className="tn-wa-flow-screen" data-screen={s.id}>
          <div>
            <code>{s.id}</code> {s.title && <span className="tn-muted">{s.title}</span>}
          </div>
          {s.fields.length > 0 && (
            <ul className="tn-wa-flow-fields">
              {s.fields.map((f) => (
                <li key={f.name} data-field={f.name}>
                  <code>{f.name}</code>
                  {f.label && f.label !== f.name && ` ${f.label}`}
                  <span className="tn-muted">{` · ${f.type.replace(/_/g, ' ')}${f.required ? ', required' : ''}`}</span>
                </li>
              ))}
            </ul>
          )}
        </div>
      ))}
      {offerAnswers && rows.length > 0 && (
        <button type="button" className="tn-add" onClick={onSaveAll} data-testid="wa-flow-save-answers">
          Save its {rows.length} answer{rows.length === 1 ? '' : 's'} to journey variables
        </button>
      )}
    </div>
  );
}
