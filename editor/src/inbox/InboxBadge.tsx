import { endpoints } from '@tandem/shared/api';
import { useApi } from '../api/client';
import { useLoad } from '../api/useLoad';
import { needsReply } from './handoffWords';
import './inbox.css';

/** The number of conversations waiting for a teammate (not taken yet, or with messages nobody answered), on the Inbox link. */
export function InboxBadge({ workspaceId }: { workspaceId: string }) {
  const api = useApi();
  const handoffs = useLoad(() => api(endpoints.listHandoffs, { params: { workspaceId }, query: { status: 'active' } }), workspaceId, { pollMs: 5_000 });
  const count = (handoffs.data?.handoffs ?? []).filter(needsReply).length;
  if (count === 0) return null;
  return (
    <span
      className="tn-nav-count"
      data-testid="nav-inbox-count"
      data-count={count}
      title={`${count} conversation${count === 1 ? '' : 's'} waiting for a reply`}
    >
      {count}
    </span>
  );
}
