import { useEffect, useMemo, useState } from 'react';
import { endpoints } from '@tandem/shared/api';
import { useApi } from '../api/client';
import { useLoad } from '../api/useLoad';
import { ChatThread } from '../chat/ChatThread';

const PAGE = 40;

/** The conversation with the contact, read-only, as the business sees it: their messages, the bot's, the team's and the Business App's. */
export function ContactThread({ workspaceId, contactId }: { workspaceId: string; contactId: number }) {
  const api = useApi();
  const [limit, setLimit] = useState(PAGE);
  const thread = useLoad(
    async () => {
      const [page, templates] = await Promise.all([
        api(endpoints.contactMessages, { params: { workspaceId, id: contactId }, query: { limit: Math.min(500, limit + 1) } }),
        api(endpoints.listTemplates, { params: { workspaceId } }),
      ]);
      return { messages: page.messages, templates: templates.templates };
    },
    `${workspaceId}|${contactId}`,
    { pollMs: 10_000 },
  );
  // Earlier messages are added under the ones shown, without emptying the thread meanwhile.
  const { reload } = thread;
  useEffect(() => {
    if (limit > PAGE) void reload();
  }, [limit, reload]);
  // One more than shown is asked for: it tells whether there are earlier messages.
  const all = thread.data?.messages ?? [];
  const messages = useMemo(() => all.slice(0, limit).reverse(), [all, limit]);
  return (
    <section className="tn-contact-section tn-contact-thread" aria-label="Conversation" data-testid="contact-thread">
      <h2>Conversation</h2>
      {thread.error && <p className="tn-errors">{thread.error}</p>}
      {!thread.data && !thread.error && <p className="tn-muted">Loading the conversation…</p>}
      {thread.data && (
        <>
          {all.length > limit && (
            <button type="button" className="tn-contact-earlier" onClick={() => setLimit(Math.min(500, limit + PAGE))} disabled={limit >= 500}>
              Show earlier messages
            </button>
          )}
          <ChatThread messages={messages} templates={thread.data.templates} perspective="business" empty="No messages with them yet." />
        </>
      )}
    </section>
  );
}
