import { RefreshCw } from 'lucide-react';
import { z } from 'zod';
import type { WorkspaceView } from '@tandem/shared/api';

const DAY = 86_400_000;
const PHASES: Record<string, string> = { '0': 'last day', '1': 'days 1–90', '2': 'days 90–180' };

const syncSchema = z.object({
  history: z
    .object({
      status: z.string().optional(),
      updatedAt: z.string().optional(),
      phases: z.record(z.string(), z.object({ progress: z.number(), messages: z.number().optional() })).optional(),
    })
    .optional(),
  contacts: z.object({ added: z.number(), removed: z.number(), updatedAt: z.string().optional() }).optional(),
});

/**
 * What the Business App sync is doing, in a line: chat history per phase and contacts added or removed.
 * Shown while history is being imported and for a day after the last change; undefined otherwise.
 */
export function syncSummary(syncStatus: WorkspaceView['syncStatus'], now: string): string | undefined {
  const parsed = syncSchema.safeParse(syncStatus);
  if (!parsed.success) return undefined;
  const { history, contacts } = parsed.data;
  const recent = (at?: string) => at !== undefined && Date.parse(now) - Date.parse(at) < DAY;
  const parts: string[] = [];
  const phases = Object.entries(history?.phases ?? {}).sort(([a], [b]) => a.localeCompare(b));
  if (history && history.status !== 'declined' && (phases.some(([, p]) => p.progress < 100) || recent(history.updatedAt))) {
    const messages = phases.reduce((n, [, p]) => n + (p.messages ?? 0), 0);
    const each = phases.map(([phase, p]) => `${PHASES[phase] ?? `phase ${phase}`} ${p.progress}%`).join(', ');
    parts.push(`chat history ${each} (${messages.toLocaleString('en')} messages imported, no journey started)`);
  }
  if (contacts && recent(contacts.updatedAt)) parts.push(`contacts ${contacts.added} added or updated, ${contacts.removed} removed`);
  return parts.length ? `Business App sync: ${parts.join('; ')}.` : undefined;
}

export function SyncProgress({ workspace }: { workspace: WorkspaceView }) {
  const text = syncSummary(workspace.syncStatus, workspace.now);
  if (!text) return null;
  return (
    <p className="tn-banner" data-testid="sync-progress">
      <RefreshCw size={14} aria-hidden /> {text}
    </p>
  );
}
