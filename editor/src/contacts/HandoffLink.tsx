import { Inbox } from 'lucide-react';
import { endpoints } from '@tandem/shared/api';
import { useApi } from '../api/client';
import { useLoad } from '../api/useLoad';
import { routeHash } from '../shell/router';

/** While the contact is with the team, a link to their conversation in the inbox (nothing when no handoff is open). */
export function HandoffLink({ workspaceId, contactId }: { workspaceId: string; contactId: number }) {
  const api = useApi();
  const handoffs = useLoad(() => api(endpoints.listHandoffs, { params: { workspaceId }, query: { status: 'active' } }), `${workspaceId}|${contactId}`);
  const handoff = handoffs.data?.handoffs.find((h) => h.contactId === contactId);
  if (!handoff) return null;
  return (
    <a className="tn-contact-handoff" href={routeHash({ name: 'inbox', workspaceId, handoffId: handoff.id })} data-testid="contact-handoff">
      <Inbox size={14} aria-hidden /> {handoff.assignee ? `${handoff.assignee} is answering them` : `Waiting for someone from ${handoff.team}`}: open the
      conversation in the inbox
    </a>
  );
}
