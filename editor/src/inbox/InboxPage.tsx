import { useState, type FormEvent } from 'react';
import { Bot, Hand, Inbox, Play, Send, UserCheck } from 'lucide-react';
import { PERSON } from '@tandem/shared';
import { endpoints, type WorkspaceView } from '@tandem/shared/api';
import { errorText, useApi } from '../api/client';
import { useLoad } from '../api/useLoad';
import { ChatThread } from '../chat/ChatThread';
import { navigate } from '../shell/router';
import type { HandoffView } from '../workspace/types';
import { isPaused, pauseText } from './paused';

type Filter = 'active' | 'open' | 'taken' | 'released';
const filters: { id: Filter; label: string }[] = [
  { id: 'active', label: 'Open & taken' },
  { id: 'open', label: 'Open' },
  { id: 'taken', label: 'Taken' },
  { id: 'released', label: 'Back with the bot' },
];

/**
 * Conversations handed to people: take one, read the contact's thread (App replies marked),
 * reply from Tandem, give it back to the bot; and contacts the bot paused because someone
 * answered from the Business App, to resume.
 */
export function InboxPage({ workspace, handoffId }: { workspace: WorkspaceView; handoffId?: number | undefined }) {
  const api = useApi();
  const [filter, setFilter] = useState<Filter>('active');
  const workspaceId = workspace.id;
  const handoffs = useLoad(() => api(endpoints.listHandoffs, { params: { workspaceId }, query: { status: filter } }), `${workspaceId}|${filter}`, {
    pollMs: 3_000,
  });
  const list = handoffs.data?.handoffs ?? [];
  const selected = list.find((h) => h.id === handoffId);
  return (
    <div className="tn-inbox" data-testid="inbox">
      <aside className="tn-inbox-list">
        <header className="tn-page-head">
          <h1>
            <Inbox size={18} aria-hidden /> Inbox
          </h1>
        </header>
        <div className="tn-segmented" role="tablist">
          {filters.map((f) => (
            <button
              key={f.id}
              type="button"
              role="tab"
              aria-selected={filter === f.id}
              className={filter === f.id ? 'tn-active' : ''}
              onClick={() => setFilter(f.id)}
            >
              {f.label}
            </button>
          ))}
        </div>
        {handoffs.error && <p className="tn-errors">{handoffs.error}</p>}
        {handoffs.data && list.length === 0 && (
          <p className="tn-help">No conversations here. When a journey reaches “Hand over to a person”, it shows up here.</p>
        )}
        <ul data-testid="handoffs">
          {list.map((h) => (
            <li key={h.id}>
              <button
                type="button"
                className={`tn-handoff-item${h.id === handoffId ? ' tn-active' : ''}`}
                onClick={() => navigate({ name: 'inbox', workspaceId, handoffId: h.id })}
                data-handoff={h.id}
              >
                <span className="tn-inbox-who">{h.contactName ?? (h.contactWaId ? `+${h.contactWaId}` : `Contact ${h.contactId}`)}</span>
                <span className={`tn-status tn-status-${h.status}`}>{h.status}</span>
                <span className="tn-muted tn-inbox-line">{h.lastMessage ?? '—'}</span>
                <span className="tn-muted">
                  {h.team}
                  {h.assignee ? ` · ${h.assignee}` : ''} · {new Date(h.openedAt).toLocaleString()}
                </span>
              </button>
            </li>
          ))}
        </ul>
        <PausedContacts workspaceId={workspaceId} now={workspace.now} />
      </aside>
      <section className="tn-inbox-thread">
        {selected ? (
          <Conversation key={selected.id} workspaceId={workspaceId} handoff={selected} onChanged={() => void handoffs.reload()} />
        ) : (
          <p className="tn-page-message tn-muted">{handoffId ? 'This conversation is not in the list (try another filter).' : 'Pick a conversation.'}</p>
        )}
      </section>
    </div>
  );
}

function Conversation({ workspaceId, handoff, onChanged }: { workspaceId: string; handoff: HandoffView; onChanged: () => void }) {
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
  const c = contact.data;
  const messages = [...(thread.data?.messages ?? [])].sort((a, b) => a.at.localeCompare(b.at) || a.id - b.id);
  return (
    <div className="tn-conversation" data-testid="conversation">
      <header className="tn-conversation-head">
        <div>
          <h2>{handoff.contactName ?? (handoff.contactWaId ? `+${handoff.contactWaId}` : `Contact ${contactId}`)}</h2>
          <p className="tn-muted">
            Team {handoff.team} · <span className={`tn-status tn-status-${handoff.status}`}>{handoff.status}</span>
            {handoff.assignee && ` · with ${handoff.assignee}`}
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
            onClick={() => void act(() => api(endpoints.releaseHandoff, { params: { workspaceId, id: handoff.id } }))}
            data-testid="release"
          >
            <Bot size={14} /> Back to the bot
          </button>
        )}
        {/* A handoff's own pause ends with "Back to the bot"; an App reply's pause can be lifted here. */}
        {c && isPaused(c, new Date().toISOString()) && !(c.pauseReason === PERSON && handoff.status !== 'released') && (
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
      {c && isPaused(c, new Date().toISOString()) && <p className="tn-banner tn-banner-warning">{pauseText(c)}</p>}
      <ChatThread messages={messages} templates={templates.data?.templates ?? []} perspective="business" />
      {error && (
        <p className="tn-errors" role="alert">
          {error}
        </p>
      )}
      {handoff.status !== 'released' && (
        <form className="tn-inbox-composer" onSubmit={reply}>
          <input
            aria-label="Reply"
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
  );
}

/** Contacts whose automation is paused because a person replied from the Business App. */
function PausedContacts({ workspaceId, now }: { workspaceId: string; now: string }) {
  const api = useApi();
  const [error, setError] = useState<string>();
  const contacts = useLoad(() => api(endpoints.listContacts, { params: { workspaceId }, query: { limit: 200 } }), workspaceId, { pollMs: 10_000 });
  // Handed-over conversations are listed above; these are the ones a Business App reply paused.
  const paused = (contacts.data?.contacts ?? []).filter((c) => isPaused(c, now) && c.pauseReason !== PERSON);
  if (paused.length === 0) return null;
  return (
    <div className="tn-paused" data-testid="paused-contacts">
      <h3>Bot paused by App replies</h3>
      {error && <p className="tn-errors">{error}</p>}
      <ul>
        {paused.map((c) => (
          <li key={c.id}>
            <span>{c.profileName ?? (c.waId ? `+${c.waId}` : `Contact ${c.id}`)}</span>
            <span className="tn-muted">{pauseText(c)}</span>
            <button
              type="button"
              onClick={() =>
                void api(endpoints.resumeContact, { params: { workspaceId, id: c.id } })
                  .then(() => contacts.reload())
                  .catch((e: unknown) => setError(errorText(e)))
              }
            >
              <Play size={14} /> Resume automation
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}
