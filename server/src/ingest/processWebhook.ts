import type pg from 'pg';
import type { EngineDeps } from '@tandem/engine/tasks';
import { parseWhatsAppWebhook, type WebhookEvent } from '../webhooks';
import { applyEvents } from './applyEvents';

/**
 * The `webhook` job: reads a stored webhook body, routes each change to its workspace by
 * phone number id, and applies its events. A body Meta signed but that does not parse is
 * logged and skipped: retrying would not change it.
 */
export async function processWebhook(eventId: number, pool: pg.Pool, deps: EngineDeps): Promise<void> {
  const row = (await pool.query<{ body: string; processed_at: Date | null }>('SELECT body, processed_at FROM webhook_events WHERE id = $1', [eventId])).rows[0];
  if (!row || row.processed_at) return;
  const parsed = parseWhatsAppWebhook(JSON.parse(row.body));
  if (!parsed.ok) {
    deps.logger.warn({ eventId, issues: parsed.issues.slice(0, 5) }, 'webhook body does not parse; skipped');
  } else {
    for (const ignored of parsed.ignored) deps.logger.info({ eventId, ...ignored }, 'webhook change ignored');
    const byWorkspace = new Map<string, WebhookEvent[]>();
    for (const change of parsed.changes) {
      const workspaceId = change.phoneNumberId ? await workspaceOf(pool, change.phoneNumberId) : await workspaceOfWaba(pool, change.wabaId);
      if (!workspaceId) {
        deps.logger.warn({ eventId, phoneNumberId: change.phoneNumberId, field: change.field }, 'webhook for an unknown number; skipped');
        continue;
      }
      byWorkspace.set(workspaceId, [...(byWorkspace.get(workspaceId) ?? []), ...change.events]);
    }
    for (const [workspaceId, events] of byWorkspace) await applyEvents(workspaceId, events, pool, deps);
  }
  await pool.query('UPDATE webhook_events SET processed_at = now() WHERE id = $1', [eventId]);
}

async function workspaceOf(pool: pg.Pool, phoneNumberId: string): Promise<string | undefined> {
  return (await pool.query<{ id: string }>('SELECT id FROM workspaces WHERE phone_number_id = $1', [phoneNumberId])).rows[0]?.id;
}

async function workspaceOfWaba(pool: pg.Pool, wabaId: string): Promise<string | undefined> {
  return (await pool.query<{ id: string }>('SELECT id FROM workspaces WHERE waba_id = $1 ORDER BY created_at LIMIT 1', [wabaId])).rows[0]?.id;
}
