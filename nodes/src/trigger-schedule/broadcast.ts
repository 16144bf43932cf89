import { Cron } from 'croner';
import { zonedInstant } from '../common/zonedTime';
import type { AudienceContact, Scope } from '../defineRuntime';
import type { TriggerScheduleConfig } from './definition';

/**
 * When a schedule fires next, strictly after `after`: the next cron time in its time zone, or
 * the one-off time if it is still ahead. Null when it will not fire again.
 */
export function nextFireAt(schedule: TriggerScheduleConfig['schedule'], after: Date): Date | null {
  if (schedule.kind === 'cron') return new Cron(schedule.cron, { timezone: schedule.timezone, paused: true }).nextRun(after) ?? null;
  const [date, time] = schedule.at.split('T') as [string, string];
  const [y, mo, d] = date.split('-').map(Number) as [number, number, number];
  const [h, mi] = time.split(':').map(Number) as [number, number];
  const at = zonedInstant(y, mo, d, h, mi, schedule.timezone);
  return at.getTime() > after.getTime() ? at : null;
}

/**
 * Whether a contact belongs to a broadcast's audience: tags (any / all / none), consent to
 * marketing when asked, then the filter expression. A filter that fails on a contact (a missing
 * attribute compared with a number, say) leaves the contact out rather than failing the broadcast.
 */
export function inAudience(
  audience: TriggerScheduleConfig['audience'],
  contact: AudienceContact,
  evaluate: (expression: string, scope: Scope) => unknown,
  now: Date,
): boolean {
  const tags = new Set(contact.tags);
  if (audience.marketingOptInOnly && contact.marketingConsent !== 'opted_in') return false;
  if (audience.tagsAny.length > 0 && !audience.tagsAny.some((t) => tags.has(t))) return false;
  if (!audience.tagsAll.every((t) => tags.has(t))) return false;
  if (audience.tagsNone.some((t) => tags.has(t))) return false;
  if (!audience.filter.trim()) return true;
  try {
    return evaluate(audience.filter, { contact: contact.view, vars: {}, trigger: {}, now }) === true;
  } catch {
    return false;
  }
}
