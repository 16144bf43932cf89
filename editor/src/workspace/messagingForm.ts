import { consentDefaults, workspaceSettingsSchema, type WorkspaceSettings } from '@tandem/shared/api';

/** The workspace's settings as saved, each one that does not parse read as unset. */
export function readSettings(raw: Record<string, unknown>): WorkspaceSettings {
  const whole = workspaceSettingsSchema.safeParse(raw);
  if (whole.success) return whole.data;
  const shape = workspaceSettingsSchema.shape;
  const kept: Record<string, unknown> = {};
  for (const key of Object.keys(shape) as (keyof typeof shape)[]) {
    const one = shape[key].safeParse(raw[key]);
    if (one.success && one.data !== undefined) kept[key] = one.data;
  }
  return kept as WorkspaceSettings;
}

/** What the "Messages and consent" form holds. */
export interface MessagingForm {
  capOn: boolean;
  capMax: string;
  capHours: string;
  optOutKeywords: string;
  optInKeywords: string;
  optOutReply: string;
}

export function messagingFormOf(s: WorkspaceSettings): MessagingForm {
  return {
    capOn: !!s.marketingCap,
    capMax: String(s.marketingCap?.max ?? 2),
    capHours: String(s.marketingCap?.periodHours ?? 24 * 7),
    optOutKeywords: (s.optOutKeywords ?? consentDefaults.optOutKeywords).join(', '),
    optInKeywords: (s.optInKeywords ?? consentDefaults.optInKeywords).join(', '),
    optOutReply: s.optOutReply ?? consentDefaults.optOutReply,
  };
}

/** Keywords typed as a list separated by commas or new lines: trimmed, without empty or repeated ones (case does not matter). */
export function parseKeywords(text: string): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const raw of text.split(/[,\n]/)) {
    const word = raw.trim().replace(/\s+/g, ' ');
    if (!word || seen.has(word.toUpperCase())) continue;
    seen.add(word.toUpperCase());
    out.push(word);
  }
  return out;
}

export function messagingProblems(form: MessagingForm): Partial<Record<keyof MessagingForm, string>> {
  const problems: Partial<Record<keyof MessagingForm, string>> = {};
  if (form.capOn) {
    const max = Number(form.capMax);
    const hours = Number(form.capHours);
    if (!Number.isInteger(max) || max < 1 || max > 100) problems.capMax = 'Use a whole number from 1 to 100';
    if (!Number.isInteger(hours) || hours < 1 || hours > 24 * 90) problems.capHours = 'Use a whole number of hours from 1 to 2,160 (90 days)';
  }
  for (const key of ['optOutKeywords', 'optInKeywords'] as const) {
    const words = parseKeywords(form[key]);
    if (words.length > 50) problems[key] = 'Use at most 50 keywords';
    else if (words.some((w) => w.length > 40)) problems[key] = 'A keyword may have at most 40 characters';
  }
  if (key(form.optOutKeywords).some((w) => key(form.optInKeywords).includes(w))) {
    problems.optInKeywords = 'A word cannot both stop and restart promotions';
  }
  if (form.optOutReply.length > 1_000) problems.optOutReply = 'Use at most 1,000 characters';
  return problems;
}

const key = (text: string) => parseKeywords(text).map((w) => w.toUpperCase());

/** The settings to save from the form. */
export function messagingPatch(form: MessagingForm): Pick<WorkspaceSettings, 'marketingCap' | 'optOutKeywords' | 'optInKeywords' | 'optOutReply'> {
  return {
    marketingCap: form.capOn ? { max: Number(form.capMax), periodHours: Number(form.capHours) } : null,
    optOutKeywords: parseKeywords(form.optOutKeywords),
    optInKeywords: parseKeywords(form.optInKeywords),
    optOutReply: form.optOutReply.trim(),
  };
}

/** 168 → "7 days", 36 → "1 day 12 hours". */
export function hoursInWords(hours: number): string {
  if (!Number.isInteger(hours) || hours < 1) return '—';
  const days = Math.floor(hours / 24);
  const rest = hours % 24;
  const parts = [days > 0 && `${days} day${days === 1 ? '' : 's'}`, rest > 0 && `${rest} hour${rest === 1 ? '' : 's'}`].filter(Boolean);
  return parts.join(' ');
}
