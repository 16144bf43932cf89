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
      for (const event of change.events) {
        const targets = change.phoneNumberId ? await workspaceOf(pool, change.phoneNumberId) : await workspacesOfAccount(pool, change.wabaId, event);
        if (targets.length === 0)
          deps.logger.warn({ eventId, phoneNumberId: change.phoneNumberId, field: change.field }, 'webhook for an unknown number; skipped');
        for (const id of targets) byWorkspace.set(id, [...(byWorkspace.get(id) ?? []), event]);
      }
    }
    for (const [workspaceId, events] of byWorkspace) await applyEvents(workspaceId, events, pool, deps);
  }
  await pool.query('UPDATE webhook_events SET processed_at = now() WHERE id = $1', [eventId]);
}

async function workspaceOf(pool: pg.Pool, phoneNumberId: string): Promise<string[]> {
  return (await pool.query<{ id: string }>('SELECT id FROM workspaces WHERE phone_number_id = $1', [phoneNumberId])).rows.map((r) => r.id);
}

/**
 * Where an account-level event (no phone number id) belongs. One about a number (account_update,
 * quality) goes to the workspace with that display number, in the WhatsApp Business Account when
 * known (a WABA can hold several numbers), else anywhere; when the number matches nothing, to the
 * account's only workspace. One about the account (template status) goes to all its workspaces.
 */
async function workspacesOfAccount(pool: pg.Pool, wabaId: string, event: WebhookEvent): Promise<string[]> {
  const phone = 'phoneNumber' in event && event.phoneNumber ? event.phoneNumber.replace(/\D/g, '') : undefined;
  const { rows } = await pool.query<{ id: string; same_number: boolean; in_account: boolean }>(
    `SELECT id, regexp_replace(coalesce(display_phone_number, ''), '\\D', '', 'g') = $2 AS same_number, waba_id IS NOT DISTINCT FROM $1 AS in_account
     FROM workspaces WHERE waba_id = $1 OR ($2::text IS NOT NULL AND regexp_replace(coalesce(display_phone_number, ''), '\\D', '', 'g') = $2)
     ORDER BY created_at`,
    [wabaId, phone ?? null],
  );
  const account = rows.filter((r) => r.in_account);
  if (phone === undefined) return account.map((r) => r.id);
  const number = account.some((r) => r.same_number) ? account.filter((r) => r.same_number) : rows.filter((r) => r.same_number);
  if (number.length > 0) return number.map((r) => r.id);
  return account.length === 1 ? [account[0]!.id] : [];
}
