import { useCallback, useState, type FormEvent } from 'react';
import { Bot, Hand, Play, Send, UserCheck } from 'lucide-react';
import { flowDocumentSchema, PERSON } from '@tandem/shared';
import { endpoints, type FlowSummary } from '@tandem/shared/api';
import { errorText, useApi } from '../api/client';
import { useLoad } from '../api/useLoad';
import { stepWords } from '../analytics/stepWords';
import { ChatThread } from '../chat/ChatThread';
import type { HandoffView } from '../workspace/types';
import { afterRelease, releaseSentence, type AfterRelease } from './afterRelease';
import { ContactPanel } from './ContactPanel';
import { handoffStatusText } from './handoffWords';
import { isPaused, pauseLines } from '../contacts/pauseWords';

interface ConversationProps {
  workspaceId: string;
  handoff: HandoffView;
  flows: readonly FlowSummary[];
  onChanged: () => void;
  /** After "Back to bot": what happens next, in a sentence. */
  onReleased: (sentence: string) => void;
}

/** One handed-over conversation: the thread, take / reply / back to bot, and the contact beside it. */
export function Conversation({ workspaceId, handoff, flows, onChanged, onReleased }: ConversationProps) {
  const api = useApi();
  const [text, setText] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const contactId = handoff.contactId;
  const thread = useLoad(
    () => api(endpoints.contactMessages, { params: { workspaceId, id: contactId }, query: { limit: 200 } }),
    `${workspaceId}|${contactId}`,
    { pollMs: 2_000 },
  );
  const contact = useLoad(() => api(endpoints.getContact, { params: { workspaceId, id: contactId } }), `${workspaceId}|${contactId}`, { pollMs: 5_000 });
  const templates = useLoad(() => api(endpoints.listTemplates, { params: { workspaceId } }), workspaceId);
  const nextStep = useNextStep(workspaceId, handoff.runId);
  const act = async (what: () => Promise<unknown>) => {
    setBusy(true);
    setError(undefined);
    try {
      await what();
      onChanged();
      await Promise.all([thread.reload(), contact.reload()]);
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  };
  const reply = (e: FormEvent) => {
    e.preventDefault();
    const message = text.trim();
    if (!message) return;
    void act(async () => {
      await api(endpoints.replyHandoff, { params: { workspaceId, id: handoff.id }, body: { text: message } });
      setText('');
    });
  };
  const release = () =>
    void act(async () => {
      // What happens next is read before the release: once released, the run moves on.
      const next = nextStep.next ?? (await nextStep.load());
      await api(endpoints.releaseHandoff, { params: { workspaceId, id: handoff.id } });
      onReleased(releaseSentence(next?.flowName, next?.after));
    });
  const c = contact.data;
  const messages = [...(thread.data?.messages ?? [])].sort((a, b) => a.at.localeCompare(b.at) || a.id - b.id);
  const name = handoff.contactName ?? (handoff.contactWaId ? `+${handoff.contactWaId}` : `Contact ${contactId}`);
  return (
    <div className="tn-conversation-frame">
      <div className="tn-conversation" data-testid="conversation">
        <header className="tn-conversation-head">
          <div>
            <h2 dir="auto">{name}</h2>
            <p className="tn-muted">
              Team {handoff.team} ·{' '}
              <span className={`tn-status tn-status-${handoff.status}`} data-testid="handoff-status">
                {handoffStatusText(handoff)}
              </span>
              {c && (c.windowOpen ? ' · window open' : ' · window closed (templates only)')}
            </p>
          </div>
          <span className="tn-spacer" />
          {handoff.status === 'open' && (
            <button
              type="button"
              disabled={busy}
              onClick={() => void act(() => api(endpoints.takeHandoff, { params: { workspaceId, id: handoff.id } }))}
              data-testid="take"
            >
              <Hand size={14} /> Take
            </button>
          )}
          {handoff.status !== 'released' && (
            <button
              type="button"
              disabled={busy}
              onClick={release}
              data-testid="release"
              title={nextStep.next ? releaseSentence(nextStep.next.flowName, nextStep.next.after) : 'Give the conversation back to the bot'}
            >
              <Bot size={14} /> Back to bot
            </button>
          )}
          {/* A handoff's own pause ends with "Back to bot"; an App reply's pause can be lifted here. */}
          {c && isPaused(c, new Date()) && !(c.pauseReason === PERSON && handoff.status !== 'released') && (
            <button
              type="button"
              disabled={busy}
              onClick={() => void act(() => api(endpoints.resumeContact, { params: { workspaceId, id: contactId } }))}
              data-testid="resume"
            >
              <Play size={14} /> Resume automation
            </button>
          )}
        </header>
        {c && isPaused(c, new Date()) && (
          <div className="tn-banner tn-banner-warning" data-testid="conversation-paused">
            {pauseLines(c, new Date()).map((line) => (
              <p key={line}>{line}</p>
            ))}
          </div>
        )}
        <ChatThread
          messages={messages}
          templates={templates.data?.templates ?? []}
          perspective="business"
          stepName={(m) => (nextStep.next && m.runId !== null && m.runId === handoff.runId ? nextStep.next.stepName(m.nodeId) : undefined)}
        />
        {error && (
          <p className="tn-errors" role="alert">
            {error}
          </p>
        )}
        {handoff.status !== 'released' && (
          <form className="tn-inbox-composer" onSubmit={reply}>
            <input
              aria-label="Reply"
              dir="auto"
              placeholder={handoff.status === 'open' ? 'Reply (takes the conversation)…' : 'Reply…'}
              value={text}
              onChange={(e) => setText(e.target.value)}
              data-testid="reply-text"
            />
            <button type="submit" className="tn-primary" disabled={busy || !text.trim()}>
              <Send size={14} /> Send
            </button>
          </form>
        )}
        {handoff.status === 'taken' && (
          <p className="tn-help">
            <UserCheck size={12} aria-hidden /> The bot stays quiet while you have this conversation. Give it back when you are done.
          </p>
        )}
      </div>
      <ContactPanel workspaceId={workspaceId} contact={c} flows={flows} />
    </div>
  );
}

/**
 * Where the run waiting at the handoff goes once the conversation is back with the bot, and its
 * journey's name: loaded with the conversation, or on demand when "Back to bot" is clicked first.
 */
function useNextStep(workspaceId: string, runId: number | null) {
  const api = useApi();
  const load = useCallback(async (): Promise<NextStep | undefined> => {
    if (runId === null) return undefined;
    const run = await api(endpoints.getRun, { params: { workspaceId, id: runId } });
    if (run.waitingFor !== PERSON || !run.currentNode) return undefined;
    const version = await api(endpoints.getVersion, { params: { workspaceId, flowId: run.flowId, version: run.version } });
    const doc = flowDocumentSchema.safeParse(version.document);
    return doc.success ? { flowName: doc.data.name, after: afterRelease(doc.data, run.currentNode), stepName: stepWords(doc.data).name } : undefined;
  }, [api, workspaceId, runId]);
  const loaded = useLoad(load, `${workspaceId}|${runId}`, { enabled: runId !== null });
  return { next: loaded.data, load };
}

interface NextStep {
  flowName: string;
  after: AfterRelease;
  /** Names the steps of the run's version (its messages show them). */
  stepName: (nodeId: string | null) => string;
}
