import type { ContactView } from '@tandem/shared/api';
import { momentText } from '../analytics/timeWords';

/** Whether the bot (and a teammate) may write free-form, in a line. */
export function windowText(c: Pick<ContactView, 'windowOpen' | 'windowExpiresAt'>): string {
  if (c.windowOpen) return c.windowExpiresAt ? `Open until ${momentText(c.windowExpiresAt)}` : 'Open';
  return 'Closed: only templates can reach them until they write again';
}

const consent: Record<ContactView['marketingConsent'], string> = {
  unknown: 'Not asked yet',
  opted_in: 'Agreed to marketing',
  opted_out: 'Opted out of marketing',
};

export function consentText(value: ContactView['marketingConsent']): string {
  return consent[value];
}
