import { useState } from 'react';
import { PauseCircle, Play } from 'lucide-react';
import { endpoints, roleRank, type ContactView, type WorkspaceView } from '@tandem/shared/api';
import { errorText, useApi } from '../api/client';
import { heldByApp, pauseLines } from './pauseWords';

/**
 * Why the bot is quiet for the contact, per journey (a handoff, or each journey's own rule after a
 * person's App reply) with until when; a teammate may resume the journeys an App reply holds.
 */
export function ContactPause({ workspace, contact, onResumed }: { workspace: WorkspaceView; contact: ContactView; onResumed: () => Promise<unknown> }) {
  const api = useApi();
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const lines = pauseLines(contact, workspace.now);
  if (lines.length === 0) return null;
  const canResume = roleRank[workspace.role] >= roleRank.agent && heldByApp(contact, workspace.now).length > 0;
  const resume = async () => {
    setBusy(true);
    try {
      await api(endpoints.resumeContact, { params: { workspaceId: workspace.id, id: contact.id } });
      await onResumed();
      setError(undefined);
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="tn-banner tn-banner-warning tn-contact-pause" data-testid="contact-paused">
      <PauseCircle size={14} aria-hidden />
      <div>
        {lines.map((line) => (
          <p key={line} data-testid="contact-hold">
            {line}
          </p>
        ))}
        {canResume && (
          <button type="button" disabled={busy} onClick={() => void resume()} data-testid="contact-resume">
            <Play size={14} aria-hidden /> Resume automation
          </button>
        )}
        {error && <p role="alert">{error}</p>}
      </div>
    </div>
  );
}
