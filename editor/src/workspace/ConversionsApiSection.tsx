import { useState, type FormEvent } from 'react';
import { endpoints, workspaceSettingsSchema, type WorkspaceView } from '@tandem/shared/api';
import { useApi } from '../api/client';
import { useLoad } from '../api/useLoad';
import { routeHash } from '../shell/router';
import { conversionEventLabel, reportDetails, reportStatusText, reportValueText, reportWhenText, type ReportStatus } from './conversionReportWords';
import { SaveFeedback, useWorkspaceSave } from './useWorkspaceSave';
import './conversionsApi.css';

const REPORTS_SHOWN = 20;
const conversionsApiSchema = workspaceSettingsSchema.shape.conversionsApi;

/**
 * Meta's Conversions API: the dataset ad conversions are reported to (admins set or remove it),
 * and the last reports with how each went. The reports open by themselves once a dataset is set.
 */
export function ConversionsApiSection({ workspace, onChanged }: { workspace: WorkspaceView; onChanged: () => void }) {
  const saved = savedDatasetId(workspace);
  return (
    <section className="tn-panel tn-settings-section" aria-labelledby="capi-title" data-testid="conversions-api">
      <h2 id="capi-title">Ad conversions to Meta</h2>
      <p className="tn-help">
        When a contact who came from a Click-to-WhatsApp ad becomes a lead or buys, Tandem tells Meta so the ad's results show it. Needs the dataset id of your
        WhatsApp Business Account's dataset (Events Manager). Journeys report with the “Report conversion to Meta” step, or with a goal's “Report to Meta as” in
        the flow settings.
      </p>
      <DatasetForm workspace={workspace} saved={saved} onChanged={onChanged} />
      <RecentReports workspace={workspace} openAtFirst={saved !== undefined} />
    </section>
  );
}

/** The dataset id field with Save and Remove. */
function DatasetForm({ workspace, saved, onChanged }: { workspace: WorkspaceView; saved: string | undefined; onChanged: () => void }) {
  const isAdmin = workspace.role === 'admin';
  const [datasetId, setDatasetId] = useState(saved ?? '');
  const [problem, setProblem] = useState<string>();
  const save = useWorkspaceSave(workspace, onChanged);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const parsed = conversionsApiSchema.safeParse({ datasetId: datasetId.trim() });
    if (!parsed.success) return setProblem(parsed.error.issues[0]?.message ?? 'Not a dataset id');
    await save.save({ settings: { conversionsApi: parsed.data } }, 'Saved. Conversions from ad clicks are reported to this dataset.');
  };
  const remove = async () => {
    setProblem(undefined);
    if (await save.save({ settings: { conversionsApi: null } }, 'Removed. Conversions are no longer reported to Meta.')) setDatasetId('');
  };

  return (
    <form onSubmit={(e) => void submit(e)} noValidate data-testid="capi-form">
      <fieldset disabled={!isAdmin} className="tn-settings-fieldset">
        <div className="tn-field">
          <label className="tn-field-label" htmlFor="capi-dataset">
            Dataset id
          </label>
          <input
            id="capi-dataset"
            className="tn-capi-dataset"
            inputMode="numeric"
            value={datasetId}
            placeholder="e.g. 1234567890123456"
            data-testid="capi-dataset"
            onChange={(e) => {
              setDatasetId(e.target.value);
              setProblem(undefined);
              save.clear();
            }}
          />
          <p className="tn-help">Digits only. In Meta's Events Manager, under Data sources, the dataset connected to your WhatsApp Business Account: its ID.</p>
          {problem && (
            <p className="tn-errors" role="alert" data-testid="capi-dataset-error">
              {problem}
            </p>
          )}
        </div>
        {workspace.transport === 'sandbox' && <p className="tn-help">This workspace is a sandbox: nothing is sent to Meta, reports are only logged here.</p>}
        <div className="tn-settings-actions">
          <button type="submit" className="tn-primary" disabled={save.busy} data-testid="capi-save">
            Save
          </button>
          {saved !== undefined && (
            <button type="button" disabled={save.busy} data-testid="capi-remove" onClick={() => void remove()}>
              Remove
            </button>
          )}
        </div>
      </fieldset>
      {!isAdmin && <p className="tn-help">Only admins can change this.</p>}
      <SaveFeedback save={save} testId="capi" />
    </form>
  );
}

const statusChoices: { value: ReportStatus | ''; label: string }[] = [
  { value: '', label: 'All' },
  { value: 'sent', label: 'Sent' },
  { value: 'failed', label: 'Failed' },
  { value: 'skipped', label: 'Skipped' },
  { value: 'pending', label: 'Pending' },
];

/** The last reports, newest first, filtered by status; loaded once the list is open. */
function RecentReports({ workspace, openAtFirst }: { workspace: WorkspaceView; openAtFirst: boolean }) {
  const api = useApi();
  const [open, setOpen] = useState(openAtFirst);
  const [status, setStatus] = useState<ReportStatus | ''>('');
  const reports = useLoad(
    () =>
      api(endpoints.listConversionReports, {
        params: { workspaceId: workspace.id },
        query: { limit: REPORTS_SHOWN, offset: 0, ...(status ? { status } : {}) },
      }),
    `${workspace.id}|${status}`,
    { enabled: open },
  );
  const now = new Date();
  const rows = reports.data?.reports ?? [];

  return (
    <details className="tn-capi-reports" open={open} onToggle={(e) => setOpen(e.currentTarget.open)} data-testid="capi-reports">
      <summary>Recent reports</summary>
      <div className="tn-row tn-capi-filter">
        <label htmlFor="capi-status">Status</label>
        <select
          id="capi-status"
          data-testid="capi-status"
          value={status}
          onChange={(e) => setStatus(statusChoices.find((c) => c.value === e.target.value)?.value ?? '')}
        >
          {statusChoices.map((c) => (
            <option key={c.value} value={c.value}>
              {c.label}
            </option>
          ))}
        </select>
        {reports.data && reports.data.total > rows.length && (
          <span className="tn-muted">
            The last {rows.length} of {reports.data.total}
          </span>
        )}
      </div>
      {reports.error && (
        <p className="tn-errors" role="alert">
          {reports.error}
        </p>
      )}
      {!reports.data && !reports.error && <p className="tn-muted">Loading the reports…</p>}
      {reports.data && rows.length === 0 && (
        <p className="tn-muted" data-testid="capi-empty">
          {status ? `No ${reportStatusText[status].toLowerCase()} reports` : 'No conversions reported yet'}
        </p>
      )}
      {rows.length > 0 && (
        <table className="tn-table" data-testid="capi-report-table">
          <thead>
            <tr>
              <th scope="col">When</th>
              <th scope="col">Event</th>
              <th scope="col">Contact</th>
              <th scope="col">Journey</th>
              <th scope="col">Value</th>
              <th scope="col">Status</th>
              <th scope="col">Details</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => {
              const details = reportDetails(r);
              return (
                <tr key={r.id} data-report={r.id} data-status={r.status}>
                  <td className="tn-muted tn-capi-when">
                    <time dateTime={r.createdAt} title={new Date(r.createdAt).toLocaleString()}>
                      {reportWhenText(r.createdAt, now)}
                    </time>
                  </td>
                  <td>{conversionEventLabel(r.eventName)}</td>
                  <td>
                    <a href={routeHash({ name: 'contacts', workspaceId: workspace.id, contactId: String(r.contactId) })}>
                      {r.contactName ?? `Contact ${r.contactId}`}
                    </a>
                  </td>
                  <td>
                    {r.flowId ? (
                      <a href={routeHash({ name: 'flow', workspaceId: workspace.id, flowId: r.flowId })}>{r.flowName ?? r.flowId}</a>
                    ) : (
                      <span className="tn-muted">—</span>
                    )}
                  </td>
                  <td>{reportValueText(r.value, r.currency)}</td>
                  <td>
                    <span className={`tn-status tn-capi-status-${r.status}`}>{reportStatusText[r.status]}</span>
                  </td>
                  <td data-testid="capi-details" title={details.title}>
                    {details.text}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </details>
  );
}

/** The dataset id the workspace reports to; undefined when none is set (or the stored setting does not parse). */
function savedDatasetId(workspace: WorkspaceView): string | undefined {
  const parsed = conversionsApiSchema.safeParse(workspace.settings.conversionsApi);
  return parsed.success ? parsed.data?.datasetId : undefined;
}
