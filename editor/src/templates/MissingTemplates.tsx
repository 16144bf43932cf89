import { useState } from 'react';
import { ExternalLink, Plus, RefreshCw } from 'lucide-react';
import { endpoints, type WorkspaceView } from '@tandem/shared/api';
import { errorText, useApi } from '../api/client';
import { useLoad } from '../api/useLoad';
import { routeHash } from '../shell/router';
import { NewTemplateForm } from './NewTemplateForm';
import { draftOfTemplate } from './templateDraft';
import './templates.css';

export interface MissingTemplatesProps {
  /** Where the flow's templates come from (to prefill a copy). */
  sourceWorkspaceId: string;
  target: WorkspaceView;
  /** The flow's templates the target lacks. */
  missing: readonly { name: string; language: string }[];
  /** The target's templates changed: look again. */
  onChanged(): void | Promise<void>;
}

/**
 * What to do about templates a copied flow needs and the target workspace lacks: a sandbox gets
 * each created from the source's template; a real number syncs its templates from Meta (or its
 * Templates screen opens, to see what Meta has).
 */
export function MissingTemplates({ sourceWorkspaceId, target, missing, onChanged }: MissingTemplatesProps) {
  const api = useApi();
  const source = useLoad(() => api(endpoints.listTemplates, { params: { workspaceId: sourceWorkspaceId } }), sourceWorkspaceId, {
    enabled: target.transport === 'sandbox',
  });
  const [creating, setCreating] = useState<string>();
  const [sync, setSync] = useState<{ running: boolean; message?: string; failed?: boolean }>({ running: false });
  if (missing.length === 0) return null;

  if (target.transport !== 'sandbox') {
    const runSync = async () => {
      setSync({ running: true });
      try {
        const { synced } = await api(endpoints.syncTemplates, { params: { workspaceId: target.id } });
        setSync({ running: false, message: `${synced === 1 ? '1 template' : `${synced} templates`} synced from Meta.` });
        await onChanged();
      } catch (error) {
        setSync({ running: false, failed: true, message: errorText(error) });
      }
    };
    return (
      <div className="tn-missing-templates" data-testid="clone-missing-actions">
        <p className="tn-help">
          Create {missing.length === 1 ? 'it' : 'them'} in WhatsApp Manager for {target.name}’s number; once Meta approved, sync and the copy finds{' '}
          {missing.length === 1 ? 'it' : 'them'}.
        </p>
        <div className="tn-row">
          <button type="button" onClick={() => void runSync()} disabled={sync.running} data-testid="clone-sync-target">
            <RefreshCw size={14} aria-hidden /> {sync.running ? 'Syncing…' : `Sync templates of ${target.name}`}
          </button>
          <a href={routeHash({ name: 'templates', workspaceId: target.id })} target="_blank" rel="noreferrer">
            <ExternalLink size={14} aria-hidden /> Open {target.name}’s templates
          </a>
        </div>
        {sync.message && (
          <p className={sync.failed ? 'tn-errors' : 'tn-muted'} role="status">
            {sync.message}
          </p>
        )}
      </div>
    );
  }

  const original = (name: string, language: string) => source.data?.templates.find((t) => t.name === name && t.language === language);
  const open = creating ? missing.find((m) => `${m.name}|${m.language}` === creating) : undefined;
  const openOriginal = open && original(open.name, open.language);
  return (
    <div className="tn-missing-templates" data-testid="clone-missing-actions">
      {source.error && <p className="tn-errors">Could not read this workspace’s templates: {source.error}</p>}
      {!open && (
        <div className="tn-row">
          {missing.map((m) => (
            <button
              key={`${m.name}|${m.language}`}
              type="button"
              disabled={!original(m.name, m.language)}
              title={original(m.name, m.language) ? undefined : `This workspace has no ${m.name} (${m.language}) to copy either`}
              onClick={() => setCreating(`${m.name}|${m.language}`)}
              data-testid="clone-create-template"
              data-template={m.name}
            >
              <Plus size={14} aria-hidden /> Create {m.name} in {target.name}
            </button>
          ))}
        </div>
      )}
      {open && openOriginal && (
        <NewTemplateForm
          workspaceId={target.id}
          existing={[]}
          initial={draftOfTemplate(openOriginal)}
          onCancel={() => setCreating(undefined)}
          onCreated={async () => {
            setCreating(undefined);
            await onChanged();
          }}
        />
      )}
    </div>
  );
}
