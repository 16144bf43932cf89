import { useMemo, useState } from 'react';
import { CircleDot } from 'lucide-react';
import { useFlow } from '../store/useFlow';
import { useWorkspaceData } from '../workspace/workspaceData';
import { flowDocumentSchema } from '@tandem/shared';
import { describeChanges } from './describeChanges';
import { draftChanges, hasChanges } from './unpublished';
import './unpublished.css';

/**
 * Beside "Live: vN" on the draft: whether the draft differs from what contacts get, and a click
 * away, in sentences, what publishing would change.
 */
export function UnpublishedChip() {
  const data = useWorkspaceData();
  const doc = useFlow((s) => s.doc);
  const [open, setOpen] = useState(false);
  const changes = useMemo(() => (data?.liveDocument !== undefined ? draftChanges(data.liveDocument, doc) : undefined), [data?.liveDocument, doc]);
  if (!data || data.viewing || !changes || !hasChanges(changes)) return null;
  const live = flowDocumentSchema.safeParse(data.liveDocument);
  const lines = live.success ? describeChanges(live.data, doc) : [];
  return (
    <span className="tn-unpublished">
      <button
        type="button"
        className="tn-chip tn-chip-unpublished"
        aria-expanded={open}
        onClick={() => setOpen(!open)}
        title="Unpublished changes: the draft differs from the live version"
        aria-label="Unpublished changes"
        data-testid="unpublished-changes"
      >
        <CircleDot size={12} aria-hidden /> Unpublished
      </button>
      {open && (
        <div className="tn-unpublished-list" role="dialog" aria-label="Unpublished changes" data-testid="unpublished-list">
          <p>Contacts still get version {data.liveVersion}. Publishing would:</p>
          <ul>
            {lines.map((l) => (
              <li key={l}>{l}</li>
            ))}
          </ul>
        </div>
      )}
    </span>
  );
}
