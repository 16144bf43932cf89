import { useRef, useState, type ChangeEvent } from 'react';
import { Upload } from 'lucide-react';
import { endpoints, type ResponseOf, type WorkspaceView } from '@tandem/shared/api';
import { errorText, useApi } from '../api/client';

type ImportResult = ResponseOf<typeof endpoints.importContacts>;

/** "Import CSV": reads a file the person picks, sends it to the import, and says what came in and which lines were not read. */
export function ContactImport({ workspace, onImported }: { workspace: WorkspaceView; onImported: () => void }) {
  const api = useApi();
  const file = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<{ name: string; done?: ImportResult; error?: string }>();

  const onFile = async (e: ChangeEvent<HTMLInputElement>) => {
    const f = e.target.files?.[0];
    e.target.value = '';
    if (!f) return;
    setBusy(true);
    setResult(undefined);
    try {
      const done = await api(endpoints.importContacts, { params: { workspaceId: workspace.id }, body: { csv: await f.text() } });
      setResult({ name: f.name, done });
      onImported();
    } catch (error) {
      setResult({ name: f.name, error: errorText(error) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <button
        type="button"
        onClick={() => file.current?.click()}
        disabled={busy}
        title="First row: phone (or wa_id), then any of profile_name, timezone, marketing_consent, tags (separated by |) and your attributes"
      >
        <Upload size={16} /> {busy ? 'Importing…' : 'Import CSV'}
      </button>
      <input ref={file} type="file" accept=".csv,text/csv" hidden data-testid="contact-import-file" onChange={(e) => void onFile(e)} />
      {result && (
        <div
          className={`tn-contact-import tn-banner ${result.error || result.done?.errors.length ? 'tn-banner-warning' : ''}`}
          role="status"
          data-testid="contact-import-result"
        >
          {result.error ? (
            <span>
              {result.name} was not imported: {result.error}
            </span>
          ) : (
            <span>
              {result.name}: {result.done!.created} new, {result.done!.updated} updated
              {result.done!.errors.length ? `, ${result.done!.errors.length} ${result.done!.errors.length === 1 ? 'line' : 'lines'} not read:` : '.'}
            </span>
          )}
          {result.done && result.done.errors.length > 0 && (
            <ul>
              {result.done.errors.slice(0, 10).map((e) => (
                <li key={`${e.line}|${e.message}`}>
                  Line {e.line}: {e.message}
                </li>
              ))}
              {result.done.errors.length > 10 && <li>…and {result.done.errors.length - 10} more.</li>}
            </ul>
          )}
          <button type="button" onClick={() => setResult(undefined)} aria-label="Close">
            ×
          </button>
        </div>
      )}
    </>
  );
}
