import { useCallback, useEffect, useMemo, useState } from 'react';
import { endpoints, roleRank, type WorkspaceView } from '@tandem/shared/api';
import { serverDraft, useApi } from '../api/client';
import { useLoad } from '../api/useLoad';
import { EditorApp } from '../app/EditorApp';
import type { EditorEnv } from '../form/editorEnv';
import { createFlowStore, type FlowStore } from '../store/flowStore';
import { knownDiagnostics } from '../validation/fromServer';
import { createValidationStore, type ServerCheck, type ValidationStore } from '../validation/validationStore';
import type { WorkspaceData } from '../workspace/workspaceData';

interface Opened {
  key: string;
  flow: FlowStore;
  validation: ValidationStore;
  problems: string[];
}

/**
 * One flow of a workspace in the editor: its draft (saved back as you edit, checked by the
 * server too), or a published version read-only. Templates, WhatsApp Flows and flows of the
 * workspace feed the pickers; the flow's published state feeds Publish, Versions, the simulator and analytics.
 */
export function FlowPage({ workspace, flowId, version }: { workspace: WorkspaceView; flowId: string; version?: number | undefined }) {
  const api = useApi();
  const [generation, setGeneration] = useState(0);
  const params = useMemo(() => ({ workspaceId: workspace.id, flowId }), [workspace.id, flowId]);
  const key = `${workspace.id}|${flowId}|${version ?? 'draft'}`;
  const detail = useLoad(() => api(endpoints.getFlow, { params }), `${key}|${generation}`);
  const viewed = useLoad(() => (version ? api(endpoints.getVersion, { params: { ...params, version } }) : Promise.resolve(undefined)), key);
  const templates = useLoad(() => api(endpoints.listTemplates, { params: { workspaceId: workspace.id } }), `${workspace.id}|${generation}`);
  const waFlows = useLoad(() => api(endpoints.listWaFlows, { params: { workspaceId: workspace.id } }), `${workspace.id}|${generation}`);
  const flows = useLoad(() => api(endpoints.listFlows, { params: { workspaceId: workspace.id }, query: {} }), `${workspace.id}|${generation}`);
  const liveVersion = detail.data?.liveVersion ?? null;
  const live = useLoad(
    () => (liveVersion ? api(endpoints.getVersion, { params: { ...params, version: liveVersion } }) : Promise.resolve(undefined)),
    `${workspace.id}|${flowId}|live|${liveVersion}`,
  );
  const [opened, setOpened] = useState<Opened>();

  // The document is read once per flow (or version); later refreshes only update what is around it.
  const source = version ? viewed.data?.document : detail.data?.draft;
  useEffect(() => {
    if (source === undefined || opened?.key === key) return;
    const flow = createFlowStore();
    const loaded = flow.getState().load(source);
    setOpened({ key, flow, validation: createValidationStore(), problems: loaded.ok ? [] : loaded.errors });
  }, [source, key, opened?.key]);

  const refresh = useCallback(() => setGeneration((g) => g + 1), []);
  const reloadDetail = detail.reload;
  const reloadWaFlows = waFlows.reload;
  const syncWaFlows = useCallback(async () => {
    const synced = await api(endpoints.syncWaFlows, { params: { workspaceId: workspace.id } });
    await reloadWaFlows();
    return synced;
  }, [api, workspace.id, reloadWaFlows]);
  const canEdit = roleRank[workspace.role] >= roleRank.editor;
  const readOnly = version !== undefined || !canEdit;
  const env = useMemo<EditorEnv>(() => ({ codeEditor: readOnly ? 'plain' : 'monaco', readOnly }), [readOnly]);
  const autosave = useMemo(() => serverDraft(api, workspace.id, flowId), [api, workspace.id, flowId]);
  const serverCheck = useMemo<ServerCheck>(
    () => async (doc) => knownDiagnostics((await api(endpoints.validateFlow, { params, body: { document: doc as Record<string, unknown> } })).diagnostics),
    [api, params],
  );
  const data = useMemo<WorkspaceData | undefined>(() => {
    if (!detail.data) return undefined;
    const v = viewed.data;
    return {
      workspace,
      flowId,
      templates: templates.data?.templates ?? [],
      waFlows: waFlows.data?.waFlows ?? [],
      flows: flows.data?.flows ?? [],
      liveVersion: detail.data.liveVersion,
      ...(live.data && live.data.version === detail.data.liveVersion ? { liveDocument: live.data.document } : {}),
      draftTest: detail.data.test,
      ...(version && v ? { viewing: { version: v.version, note: v.note, live: v.live, createdAt: v.createdAt } } : {}),
      refresh,
      reloadFlow: () => void reloadDetail(),
      syncWaFlows,
    };
  }, [workspace, flowId, version, detail.data, viewed.data, live.data, templates.data, waFlows.data, flows.data, refresh, reloadDetail, syncWaFlows]);

  const error = detail.error ?? viewed.error;
  if (error && !opened) return <p className="tn-page-message tn-errors">Cannot open this flow: {error}</p>;
  if (!opened || opened.key !== key || !data) return <p className="tn-page-message tn-muted">Opening the flow…</p>;
  if (opened.problems.length) {
    return (
      <div className="tn-page-message">
        <p className="tn-errors">The saved draft is not a readable flow:</p>
        <ul className="tn-errors">
          {opened.problems.slice(0, 10).map((p) => (
            <li key={p}>{p}</li>
          ))}
        </ul>
      </div>
    );
  }
  return (
    <EditorApp
      key={opened.key}
      flow={opened.flow}
      validation={opened.validation}
      env={env}
      workspace={data}
      serverCheck={serverCheck}
      {...(readOnly ? {} : { autosave })}
    />
  );
}
