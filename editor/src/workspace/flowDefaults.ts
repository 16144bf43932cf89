import { isKnownTimeZone, type QuietHours } from '@tandem/shared';
import type { WorkspaceSettings } from '@tandem/shared/api';

/** What the "New flows start with" form holds. */
export interface FlowDefaultsForm {
  timezone: string;
  quietOn: boolean;
  quietStart: string;
  quietEnd: string;
}

export function flowDefaultsFormOf(s: WorkspaceSettings): FlowDefaultsForm {
  return {
    timezone: s.defaultTimezone ?? 'UTC',
    quietOn: !!s.defaultQuietHours,
    quietStart: s.defaultQuietHours?.start ?? '21:00',
    quietEnd: s.defaultQuietHours?.end ?? '08:00',
  };
}

const clock = /^([01]\d|2[0-3]):[0-5]\d$/;

export function flowDefaultsProblems(form: FlowDefaultsForm): Partial<Record<keyof FlowDefaultsForm, string>> {
  const problems: Partial<Record<keyof FlowDefaultsForm, string>> = {};
  if (!isKnownTimeZone(form.timezone) || !form.timezone) problems.timezone = 'Pick a time zone from the list, such as Europe/Berlin';
  if (form.quietOn) {
    if (!clock.test(form.quietStart)) problems.quietStart = 'Use a time such as 21:00';
    if (!clock.test(form.quietEnd)) problems.quietEnd = 'Use a time such as 08:00';
    if (!problems.quietStart && form.quietStart === form.quietEnd) problems.quietEnd = 'The quiet hours must end at another time than they start';
  }
  return problems;
}

export function flowDefaultsPatch(form: FlowDefaultsForm): { defaultTimezone: string; defaultQuietHours: QuietHours | null } {
  return { defaultTimezone: form.timezone, defaultQuietHours: form.quietOn ? { start: form.quietStart, end: form.quietEnd } : null };
}

/** The quiet hours in a sentence: "from 21:00 until 08:00 the next morning". */
export function quietHoursInWords(start: string, end: string): string {
  return start > end ? `from ${start} until ${end} the next day` : `from ${start} until ${end}`;
}

/** Every time zone this browser knows, UTC first. */
export function timeZoneNames(): string[] {
  const known = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];
  return ['UTC', ...known.filter((z) => z !== 'UTC')];
}
