import { and, eq, notInArray, sql } from 'drizzle-orm';
import { ProviderRejectedError, TransientError, type WaFlowInfo } from '@tandem/shared';
import type { CloudApiClient, CloudApiFailure } from '@tandem/engine/whatsapp';
import type { Db } from '../db/database';
import { waFlows } from '../db/schema';
import { flowJsonScreens } from './flowJsonScreens';
import { upsertWaFlows } from './waFlows';

/**
 * Fetches every WhatsApp Flow of a WhatsApp Business Account with its Flow JSON, and stores them
 * as the workspace's Flows (source `meta`) in one transaction. Flows synced earlier that Meta no
 * longer lists are kept, marked DELETED, so steps sending them are flagged instead of failing at
 * send. A Flow whose JSON cannot be read is kept without fields (`unreadable` names it).
 * Meta refusing is a ProviderRejectedError with Meta's message; no answer is a TransientError.
 */
export async function syncWaFlows(
  db: Db,
  workspaceId: string,
  client: Pick<CloudApiClient, 'listFlows' | 'flowJson'>,
  wabaId: string,
  accessToken: string,
): Promise<{ synced: number; unreadable: string[] }> {
  const listed = await client.listFlows({ wabaId, accessToken });
  if (!listed.ok) throw syncError(listed, 'list the WhatsApp Flows');
  const infos: WaFlowInfo[] = [];
  const unreadable: string[] = [];
  for (const flow of listed.flows) {
    const json = await client.flowJson(flow.id, accessToken);
    if (!json.ok && isUnreachable(json)) throw syncError(json, `read the WhatsApp Flow ${flow.name}`);
    if (!json.ok) unreadable.push(flow.name);
    infos.push({ id: flow.id, name: flow.name, status: flow.status, categories: flow.categories, screens: json.ok ? flowJsonScreens(json.flowJson) : [] });
  }
  await db.transaction(async (tx) => {
    await upsertWaFlows(tx, workspaceId, infos, 'meta');
    const seen = infos.map((f) => f.id);
    await tx
      .update(waFlows)
      .set({ status: 'DELETED', info: sql`jsonb_set(${waFlows.info}, '{status}', '"DELETED"')`, updatedAt: sql`now()` })
      .where(
        and(
          eq(waFlows.workspaceId, workspaceId),
          eq(waFlows.source, 'meta'),
          sql`${waFlows.status} <> 'DELETED'`,
          ...(seen.length ? [notInArray(waFlows.flowId, seen)] : []),
        ),
      );
  });
  return { synced: infos.length, unreadable };
}

/** No answer at all (network, timeout): the whole sync is worth retrying. */
const isUnreachable = (failure: CloudApiFailure) => failure.error.source === 'transport' && failure.error.httpStatus === null;

function syncError(failure: CloudApiFailure, what: string): Error {
  const e = failure.error;
  if (isUnreachable(failure)) return new TransientError(`Could not reach WhatsApp to ${what}; try again`);
  const message =
    e.source === 'meta' ? `WhatsApp refused to ${what}: ${e.message}${e.details ? ` (${e.details})` : ''}` : `WhatsApp could not ${what}: ${e.message}`;
  return new ProviderRejectedError(e.code, message);
}
