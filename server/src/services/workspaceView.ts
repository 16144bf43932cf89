import type { WorkspaceView } from '@tandem/shared/api';
import type { Role } from '@tandem/shared/api';
import type { workspaces } from '../db/schema';

/** A workspace as the API shows it: never the token, only whether one is set. */
export function workspaceView(w: typeof workspaces.$inferSelect, role: Role): WorkspaceView {
  return {
    id: w.id,
    name: w.name,
    transport: w.transport,
    phoneNumberId: w.phoneNumberId,
    displayPhoneNumber: w.displayPhoneNumber,
    wabaId: w.wabaId,
    coexistence: w.coexistence,
    throughputMps: w.throughputMps,
    settings: w.settings,
    sendsPausedReason: w.sendsPausedReason,
    hasAccessToken: w.accessToken !== null,
    alerts: w.alerts,
    syncStatus: w.syncStatus,
    now: new Date(Date.now() + w.clockOffsetMs).toISOString(),
    createdAt: w.createdAt.toISOString(),
    role,
  };
}
