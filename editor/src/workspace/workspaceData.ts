import { createContext, useContext } from 'react';
import type { FlowSummary, WorkspaceView } from '@tandem/shared/api';
import type { TemplateView, WaFlowSync, WaFlowView } from './types';

/** A published version shown read-only on the canvas. */
export interface ViewedVersion {
  version: number;
  note: string;
  live: boolean;
  createdAt: string;
}

/**
 * What the editor knows about the workspace a flow lives in: its templates (for the template
 * picker and the simulator's rendering), its WhatsApp Flows (for "Send WhatsApp Flow" and the
 * simulator's forms), its flows (for "Go to flow") and the flow's published state. Absent in the
 * playground (no server).
 */
export interface WorkspaceData {
  workspace: WorkspaceView;
  flowId: string;
  templates: readonly TemplateView[];
  /** The workspace's WhatsApp Flows (Meta's in-chat forms) with their screens and fields. */
  waFlows: readonly WaFlowView[];
  flows: readonly FlowSummary[];
  /** The version new contacts start on; null before the first publish. */
  liveVersion: number | null;
  /** The live version's document (to tell the draft's unpublished changes); absent until loaded or when unpublished. */
  liveDocument?: unknown;
  /** The frozen draft the sandbox runs instead of the live version (the simulator's "Test the draft"), if any. */
  draftTest: { version: number; createdAt: string } | null;
  /** Set when a published version is shown instead of the draft. */
  viewing?: ViewedVersion;
  /** Loads the flow's published and test state again, keeping the editor as it is (after a draft test starts or stops). */
  reloadFlow(): void;
  /** Loads the flow's published state, templates and flows again (after a publish or rollback). */
  refresh(): void;
  /** Fetches the WhatsApp Flows from the WhatsApp Business Account again, then reloads `waFlows`. */
  syncWaFlows(): Promise<WaFlowSync>;
}

export const WorkspaceDataContext = createContext<WorkspaceData | null>(null);

export function useWorkspaceData(): WorkspaceData | null {
  return useContext(WorkspaceDataContext);
}
