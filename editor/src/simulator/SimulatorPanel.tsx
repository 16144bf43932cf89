import { useEffect, useId, useMemo, useState, type FormEvent } from 'react';
import { Clock, RotateCcw, Send, Smartphone, User, Zap } from 'lucide-react';
import { endpoints } from '@tandem/shared/api';
import { errorText, useApi } from '../api/client';
import { useLoad } from '../api/useLoad';
import { ChatThread, type FlowOpening } from '../chat/ChatThread';
import type { ReplyChoice } from '../chat/describeMessage';
import { useOverlayStore } from '../canvas/overlayStore';
import { useFlow } from '../store/useFlow';
import { useWorkspaceData } from '../workspace/workspaceData';
import { DraftTestBar } from './DraftTestBar';
import { FlowForm } from './FlowForm';
import { flowStarters } from './flowStarters';
import { isPaused, pauseLines } from '../contacts/pauseWords';
import { draftChanges, hasChanges, type DraftChanges } from '../app/unpublished';

const EMPTY: DraftChanges = { added: [], removed: [], changed: [], connectionsAdded: 0, connectionsRemoved: 0, settingsChanged: false };

const DEFAULT_WA_ID = '15550001111';
const waIdKey = (workspaceId: string) => `tandem.simulator.waId.${workspaceId}`;
const units = { minutes: 60_000, hours: 3_600_000, days: 86_400_000 } as const;

/**
 * Chat with the workspace's published journeys as a test contact (sandbox workspaces): write or
 * tap replies, fill in WhatsApp Flows, answer as the Business App, fire business events,
 * fast-forward the sandbox clock, and see on the canvas which step the contact is at.
 */
export function SimulatorPanel() {
  const data = useWorkspaceData();
  if (!data) return null;
  if (data.workspace.transport !== 'sandbox') {
    return (
      <section className="tn-panel">
        <h2>Simulator</h2>
        <p className="tn-help">The simulator works in sandbox workspaces only: here it would write to real people.</p>
      </section>
    );
  }
  return <Simulator workspaceId={data.workspace.id} flowId={data.flowId} liveVersion={data.liveVersion} />;
}

function Simulator({ workspaceId, flowId, liveVersion }: { workspaceId: string; flowId: string; liveVersion: number | null }) {
  const api = useApi();
  const data = useWorkspaceData()!;
  const overlay = useOverlayStore();
  const doc = useFlow((s) => s.doc);
  const starters = useMemo(() => flowStarters(doc), [doc]);
  const [waId, setWaIdState] = useState(() => localStorage.getItem(waIdKey(workspaceId)) ?? DEFAULT_WA_ID);
  const [waIdDraft, setWaIdDraft] = useState(waId);
  const [as, setAs] = useState<'contact' | 'app'>('contact');
  const writeAs = useId();
  const [text, setText] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const [openFlow, setOpenFlow] = useState<FlowOpening>();
  const validWaId = /^\d{6,20}$/.test(waId);
  const thread = useLoad(() => api(endpoints.simulatorThread, { params: { workspaceId }, query: { waId } }), `${workspaceId}|${waId}`, {
    pollMs: 1_000,
    enabled: validWaId,
  });
  const run = thread.data?.run ?? null;
  const test = data.draftTest;
  const unpublished = useMemo(
    () => (data.liveDocument !== undefined ? hasChanges(draftChanges(data.liveDocument, doc) ?? EMPTY) : false),
    [data.liveDocument, doc],
  );
  // A run is drawn on the canvas only when the canvas shows its own version.
  const onCanvas =
    run !== null &&
    run.flowId === flowId &&
    (data.viewing ? run.version === data.viewing.version : run.version === test?.version || (run.version === liveVersion && !unpublished));

  useEffect(() => {
    overlay.setState({
      current: onCanvas && run?.currentNode ? { nodeId: run.currentNode, active: run.status === 'active', waitingFor: run.waitingFor } : undefined,
    });
  }, [overlay, run, onCanvas]);
  useEffect(() => () => overlay.setState({ current: undefined }), [overlay]);

  const act = async (what: () => Promise<unknown>) => {
    setBusy(true);
    setError(undefined);
    try {
      await what();
      await thread.reload();
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  };
  const say = (message: string, replyId?: string) =>
    act(() => api(endpoints.simulateMessage, { params: { workspaceId }, body: { waId, text: message, ...(replyId ? { replyId } : {}) } }));
  const onReply = (choice: ReplyChoice) => void say(choice.title, choice.id);
  const send = (e: FormEvent) => {
    e.preventDefault();
    const message = text.trim();
    if (!message) return;
    setText('');
    void (as === 'contact' ? say(message) : act(() => api(endpoints.simulateEcho, { params: { workspaceId }, body: { waId, text: message } })));
  };
  const applyWaId = (e: FormEvent) => {
    e.preventDefault();
    if (!/^\d{6,20}$/.test(waIdDraft)) return setError('A WhatsApp id is the phone number in digits, without +');
    localStorage.setItem(waIdKey(workspaceId), waIdDraft);
    setWaIdState(waIdDraft);
    setOpenFlow(undefined);
    setError(undefined);
  };
  const advance = (ms: number) => act(() => api(endpoints.advanceClock, { params: { workspaceId }, body: { advanceMs: ms } }));
  const reset = () => {
    setOpenFlow(undefined);
    return act(() => api(endpoints.resetSimulator, { params: { workspaceId }, body: { waId } }));
  };
  // The form posted the answers itself (and shows its own errors): close it and show the reply.
  const flowSent = () => {
    setOpenFlow(undefined);
    void thread.reload();
  };
  const runName = run && run.flowId !== flowId ? (data.flows.find((f) => f.id === run.flowId)?.name ?? run.flowId) : undefined;

  return (
    <section className="tn-panel tn-simulator" aria-label="Simulator">
      <header className="tn-panel-head">
        <Smartphone size={18} aria-hidden />
        <h2>Simulator</h2>
        <span className="tn-spacer" />
        <span className="tn-sim-clock" title="The sandbox clock" data-testid="sandbox-time">
          <Clock size={14} aria-hidden /> {thread.data ? formatTime(thread.data.now) : '…'}
        </span>
      </header>
      {!data.viewing && (
        <DraftTestBar
          workspaceId={workspaceId}
          flowId={flowId}
          waId={validWaId ? waId : undefined}
          liveVersion={liveVersion}
          unpublished={unpublished}
          onChanged={() => {
            setOpenFlow(undefined);
            data.reloadFlow();
            void thread.reload();
          }}
        />
      )}
      <form className="tn-row" onSubmit={applyWaId}>
        <label htmlFor="sim-waid" className="tn-muted">
          Test contact
        </label>
        <input
          id="sim-waid"
          data-testid="sim-waid"
          inputMode="numeric"
          value={waIdDraft}
          onChange={(e) => setWaIdDraft(e.target.value.replace(/[^\d]/g, ''))}
        />
        {waIdDraft !== waId && <button type="submit">Use</button>}
        <button type="button" onClick={() => void reset()} disabled={busy} title="Forget this contact: thread, runs and attributes" data-testid="sim-reset">
          <RotateCcw size={14} /> Reset
        </button>
      </form>
      <p
        className="tn-sim-run"
        data-testid="sim-run"
        data-status={run?.status ?? 'none'}
        data-node={run?.currentNode ?? ''}
        data-waiting={run?.waitingFor ?? ''}
      >
        {run ? (
          <>
            {runName ? `In “${runName}”` : run.version < 0 ? 'Draft test' : `v${run.version}`} · {run.status}
            {run.currentNode && (
              <>
                {' at '}
                <code>{run.currentNode}</code>
              </>
            )}
            {run.waitingFor && run.status === 'active' && ` · waiting for ${run.waitingFor}`}
            {run.endReason && ` · ${run.endReason}`}
          </>
        ) : (
          'No journey yet for this contact.'
        )}
      </p>
      {run && !runName && !onCanvas && run.currentNode && (
        <p className="tn-help" data-testid="sim-run-elsewhere">
          {run.version < 0
            ? 'The contact is in an earlier test of the draft: its place is not shown on this canvas.'
            : `The contact is in version ${run.version}, not what this canvas shows: its place is not drawn here.`}
        </p>
      )}
      {thread.data?.contact && isPaused(thread.data.contact, thread.data.now) && (
        <div className="tn-banner tn-banner-warning" data-testid="sim-paused">
          {pauseLines(thread.data.contact, thread.data.now).join(' ')}{' '}
          <button
            type="button"
            disabled={busy}
            onClick={() => void act(() => api(endpoints.resumeContact, { params: { workspaceId, id: thread.data!.contact!.id } }))}
          >
            Resume automation
          </button>
        </div>
      )}
      {starters.length > 0 && thread.data && run?.status !== 'active' && (
        <div className="tn-chips tn-sim-starters">
          <span className="tn-muted">Start:</span>
          {starters.map((s) =>
            s.kind === 'say' ? (
              <button key={s.text} type="button" className="tn-chip-button" onClick={() => void say(s.text)} disabled={busy}>
                Say “{s.text}”
              </button>
            ) : s.kind === 'start' ? (
              <button
                key={s.node}
                type="button"
                className="tn-chip-button"
                disabled={busy || (liveVersion === null && !test)}
                title={liveVersion === null && !test ? 'Publish the flow or test the draft first' : undefined}
                data-start={s.node}
                onClick={() => void act(() => api(endpoints.startRun, { params: { workspaceId, flowId }, body: { contact: { waId }, trigger: s.node } }))}
              >
                {s.label}
              </button>
            ) : (
              <span key={s.event} className="tn-chip">
                event {s.event}
              </span>
            ),
          )}
        </div>
      )}
      <div className="tn-phone">
        <ChatThread
          messages={thread.data?.messages ?? []}
          templates={data.templates}
          perspective="contact"
          onReply={onReply}
          onOpenFlow={setOpenFlow}
          empty="Write to the number as the test contact, e.g. a trigger keyword."
        />
        {openFlow && (
          <FlowForm
            key={openFlow.token}
            workspaceId={workspaceId}
            waId={waId}
            opening={openFlow}
            waFlows={data.waFlows}
            onClose={() => setOpenFlow(undefined)}
            onSent={flowSent}
          />
        )}
        <form className="tn-composer" onSubmit={send}>
          <div className="tn-segmented" role="radiogroup" aria-label="Write as">
            <label className={as === 'contact' ? 'tn-active' : ''} title="Write as the test contact">
              <input type="radio" name={writeAs} checked={as === 'contact'} onChange={() => setAs('contact')} />
              <User size={14} /> Contact
            </label>
            <label className={as === 'app' ? 'tn-active' : ''} title="Reply from the WhatsApp Business App (a person takes over)">
              <input type="radio" name={writeAs} checked={as === 'app'} onChange={() => setAs('app')} />
              <Smartphone size={14} /> Business App
            </label>
          </div>
          <div className="tn-row">
            <input
              aria-label={as === 'contact' ? 'Message from the contact' : 'Reply from the Business App'}
              data-testid="sim-text"
              value={text}
              placeholder={as === 'contact' ? 'Message as the contact…' : 'Reply as a person in the Business App…'}
              onChange={(e) => setText(e.target.value)}
            />
            <button type="submit" className="tn-primary" disabled={busy || !text.trim()} aria-label="Send" data-testid="sim-send">
              <Send size={14} />
            </button>
          </div>
        </form>
      </div>
      {error && (
        <p className="tn-errors" role="alert">
          {error}
        </p>
      )}
      <ClockControls busy={busy} onAdvance={(ms) => void advance(ms)} />
      <EventForm
        busy={busy}
        suggestions={starters.flatMap((s) => (s.kind === 'event' ? [s.event] : []))}
        onFire={(name, payload) => void act(() => api(endpoints.simulateEvent, { params: { workspaceId }, body: { waId, name, payload } }))}
      />
    </section>
  );
}

function ClockControls({ busy, onAdvance }: { busy: boolean; onAdvance: (ms: number) => void }) {
  const [amount, setAmount] = useState(2);
  const [unit, setUnit] = useState<keyof typeof units>('hours');
  return (
    <fieldset className="tn-group" data-testid="sim-clock">
      <legend>
        <Clock size={14} aria-hidden /> Fast-forward
      </legend>
      <div className="tn-row">
        <button type="button" disabled={busy} onClick={() => onAdvance(units.minutes)}>
          +1 min
        </button>
        <button type="button" disabled={busy} onClick={() => onAdvance(units.hours)}>
          +1 h
        </button>
        <button type="button" disabled={busy} onClick={() => onAdvance(units.days)}>
          +1 day
        </button>
      </div>
      <div className="tn-row">
        <input type="number" min={1} aria-label="Amount" value={amount} onChange={(e) => setAmount(Number(e.target.value))} className="tn-narrow" />
        <select aria-label="Unit" value={unit} onChange={(e) => setUnit(e.target.value as keyof typeof units)} className="tn-narrow">
          {Object.keys(units).map((u) => (
            <option key={u}>{u}</option>
          ))}
        </select>
        <button type="button" disabled={busy || !(amount > 0)} onClick={() => onAdvance(Math.round(amount * units[unit]))}>
          Advance
        </button>
      </div>
    </fieldset>
  );
}

function EventForm({ busy, suggestions, onFire }: { busy: boolean; suggestions: string[]; onFire: (name: string, payload: Record<string, unknown>) => void }) {
  const [name, setName] = useState(suggestions[0] ?? '');
  const [payload, setPayload] = useState('{}');
  const [problem, setProblem] = useState<string>();
  const fire = (e: FormEvent) => {
    e.preventDefault();
    try {
      const parsed: unknown = JSON.parse(payload || '{}');
      if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw new Error('The payload must be a JSON object');
      setProblem(undefined);
      onFire(name.trim(), parsed as Record<string, unknown>);
    } catch (error) {
      setProblem(error instanceof Error ? error.message : String(error));
    }
  };
  return (
    <form onSubmit={fire} data-testid="sim-event">
      <fieldset className="tn-group">
        <legend>
          <Zap size={14} aria-hidden /> Business event
        </legend>
        <input aria-label="Event name" placeholder="cart.abandoned" list="sim-event-names" value={name} onChange={(e) => setName(e.target.value)} />
        <datalist id="sim-event-names">
          {suggestions.map((s) => (
            <option key={s} value={s} />
          ))}
        </datalist>
        <textarea aria-label="Event payload (JSON)" className="tn-mono" rows={3} value={payload} onChange={(e) => setPayload(e.target.value)} />
        {problem && <p className="tn-errors">{problem}</p>}
        <button type="submit" disabled={busy || name.trim().length < 3}>
          <Zap size={14} /> Fire event
        </button>
      </fieldset>
    </form>
  );
}

function formatTime(iso: string): string {
  return new Date(iso).toLocaleString([], { weekday: 'short', day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' });
}
