import { useState } from 'react';
import { CircleCheck, Inbox, Play } from 'lucide-react';
import { endpoints, type WorkspaceView } from '@tandem/shared/api';
import { errorText, useApi } from '../api/client';
import { useLoad } from '../api/useLoad';
import { momentText } from '../analytics/timeWords';
import { navigate } from '../shell/router';
import { Conversation } from './Conversation';
import { handoffStatusText, unreadText } from './handoffWords';
import { heldByApp, holdSentence } from '../contacts/pauseWords';
import './inbox.css';

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
  const flows = useLoad(() => api(endpoints.listFlows, { params: { workspaceId }, query: {} }), workspaceId);
  // The confirmation after "Back to bot" stays when the conversation leaves the list it was in.
  const [released, setReleased] = useState<{ id: number; sentence: string }>();
  const list = handoffs.data?.handoffs ?? [];
  const selected = list.find((h) => h.id === handoffId);
  const notice = released && released.id === handoffId ? released : undefined;
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
                <span className="tn-inbox-item-head">
                  <span className="tn-inbox-who" dir="auto">
                    {h.contactName ?? (h.contactWaId ? `+${h.contactWaId}` : `Contact ${h.contactId}`)}
                  </span>
                  {h.unread > 0 && (
                    <span className="tn-unread" data-testid="unread" data-count={h.unread} title={unreadText(h.unread)}>
                      {h.unread}
                      <span className="tn-sr-only"> {unreadText(h.unread)}</span>
                    </span>
                  )}
                </span>
                <span className={`tn-status tn-status-${h.status}`}>{handoffStatusText(h)}</span>
                <span className={`tn-inbox-line${h.unread > 0 ? ' tn-inbox-line-unread' : ' tn-muted'}`} dir="auto">
                  {h.lastMessage ?? '—'}
                </span>
                <span className="tn-muted">
                  Team {h.team} · since {momentText(h.openedAt)}
                </span>
              </button>
            </li>
          ))}
        </ul>
        <PausedContacts workspaceId={workspaceId} now={workspace.now} />
      </aside>
      <section className="tn-inbox-thread">
        {notice && (
          <div className="tn-banner tn-release-notice" role="status" data-testid="release-notice">
            <CircleCheck size={16} aria-hidden />
            <div>
              <strong>Back with the bot.</strong> {notice.sentence}
            </div>
            {filter !== 'released' && (
              <button type="button" onClick={() => setFilter('released')}>
                See it under “Back with the bot”
              </button>
            )}
          </div>
        )}
        {selected ? (
          <Conversation
            key={selected.id}
            workspaceId={workspaceId}
            handoff={selected}
            flows={flows.data?.flows ?? []}
            onChanged={() => void handoffs.reload()}
            onReleased={(sentence) => setReleased({ id: selected.id, sentence })}
          />
        ) : (
          !notice && (
            <p className="tn-page-message tn-muted">{handoffId ? 'This conversation is not in the list (try another filter).' : 'Pick a conversation.'}</p>
          )
        )}
      </section>
    </div>
  );
}

/** Contacts whose automation is paused because a person replied from the Business App. */
function PausedContacts({ workspaceId, now }: { workspaceId: string; now: string }) {
  const api = useApi();
  const [error, setError] = useState<string>();
  const contacts = useLoad(() => api(endpoints.listContacts, { params: { workspaceId }, query: { pausedBy: 'app', limit: 100 } }), workspaceId, {
    pollMs: 10_000,
  });
  // Handed-over conversations are listed above; these are the ones whose journeys wait after a Business App reply
  // (the server picks them among all contacts; a pause that ran out since the last poll drops out here).
  const paused = (contacts.data?.contacts ?? []).filter((c) => heldByApp(c, now).length > 0);
  const more = (contacts.data?.total ?? 0) - (contacts.data?.contacts.length ?? 0);
  if (paused.length === 0) return null;
  return (
    <div className="tn-paused" data-testid="paused-contacts">
      <h3>Bot paused by App replies</h3>
      {error && <p className="tn-errors">{error}</p>}
      <ul>
        {paused.map((c) => (
          <li key={c.id}>
            <span>{c.profileName ?? (c.waId ? `+${c.waId}` : `Contact ${c.id}`)}</span>
            <span className="tn-muted">{heldByApp(c, now).map(holdSentence).join(' ')}</span>
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
      {more > 0 && <p className="tn-muted">and {more} more with older App replies</p>}
    </div>
  );
}
