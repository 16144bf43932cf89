import { and, eq, inArray, sql } from 'drizzle-orm';
import { humanReplySettingsSchema } from '@tandem/shared';
import type { JourneyHold } from '@tandem/shared/api';
import { humanHold } from '@tandem/engine/policy';
import type { Db } from '../db/database';
import { type contacts, flowVersions, flows, runs } from '../db/schema';

type ContactRow = typeof contacts.$inferSelect;

/**
 * For each contact, the journeys it is in that hold their messages back now because a person
 * replied from the Business App — each by its own rule, as the sender decides (see humanHold).
 * One query for all the contacts given.
 */
export async function journeyHolds(db: Db, rows: readonly ContactRow[], now: Date): Promise<Map<number, JourneyHold[]>> {
  const out = new Map<number, JourneyHold[]>();
  const replied = rows.filter((c) => c.lastEchoAt !== null);
  if (replied.length === 0) return out;
  const active = await db
    .select({
      runId: runs.id,
      contactId: runs.contactId,
      flowId: flows.id,
      flowName: flows.name,
      // The version's rule only, not its whole document once per run.
      humanReply: sql<unknown>`${flowVersions.document} -> 'settings' -> 'humanReply'`,
    })
    .from(runs)
    .innerJoin(flows, eq(flows.id, runs.flowId))
    .innerJoin(flowVersions, eq(flowVersions.id, runs.flowVersionId))
    .where(
      and(
        inArray(
          runs.contactId,
          replied.map((c) => c.id),
        ),
        eq(runs.status, 'active'),
      ),
    )
    .orderBy(runs.id);
  const byId = new Map(replied.map((c) => [c.id, c]));
  for (const r of active) {
    const c = byId.get(r.contactId)!;
    const rule = humanReplySettingsSchema.parse(r.humanReply ?? {});
    const hold = humanHold(rule, c, now);
    if (!hold) continue;
    const list = out.get(c.id) ?? [];
    list.push({
      runId: r.runId,
      flowId: r.flowId,
      flowName: r.flowName,
      reason: hold.reason,
      rule: hold.mode,
      since: hold.since.toISOString(),
      until: hold.until?.toISOString() ?? null,
      ...(hold.reason === 'human_active' && hold.mode === 'pause_for' ? { minutes: rule.pauseMinutes } : {}),
      ...(hold.reason === 'human_active' && hold.mode === 'until_keyword' ? { keyword: rule.resumeKeyword } : {}),
    });
    out.set(c.id, list);
  }
  return out;
}
