import type { TemplateView } from '../workspace/types';

/** How a template's review status reads, and whether flows can send it. */
export function statusWords(status: string): { label: string; tone: 'ok' | 'pending' | 'bad'; help: string } {
  switch (status.toUpperCase()) {
    case 'APPROVED':
      return { label: 'Approved', tone: 'ok', help: 'Ready: flows can send it.' };
    case 'PENDING':
    case 'IN_APPEAL':
      return { label: status.toUpperCase() === 'PENDING' ? 'In review' : 'Appealed', tone: 'pending', help: 'Meta is reviewing it; flows cannot send it yet.' };
    case 'REJECTED':
      return { label: 'Rejected', tone: 'bad', help: 'Meta refused it; change it in WhatsApp Manager and submit it again.' };
    case 'PAUSED':
      return { label: 'Paused', tone: 'bad', help: 'Meta paused it because people blocked or reported it; sends fail until it is unpaused.' };
    case 'DISABLED':
      return { label: 'Disabled', tone: 'bad', help: 'Meta disabled it for low quality; use another template.' };
    case 'DELETED':
    case 'PENDING_DELETION':
    case 'ARCHIVED':
      return { label: 'Removed', tone: 'bad', help: 'It is no longer in the WhatsApp account; flows using it will fail.' };
    default:
      return { label: status.charAt(0) + status.slice(1).toLowerCase().replaceAll('_', ' '), tone: 'pending', help: 'Flows cannot send it in this state.' };
  }
}

/** Meta's quality rating in words; undefined when there is none to show. */
export function qualityWords(quality: string | null | undefined): { label: string; tone: 'ok' | 'pending' | 'bad' } | undefined {
  switch (quality?.toUpperCase()) {
    case 'GREEN':
      return { label: 'High quality', tone: 'ok' };
    case 'YELLOW':
      return { label: 'Medium quality', tone: 'pending' };
    case 'RED':
      return { label: 'Low quality', tone: 'bad' };
    default:
      return undefined;
  }
}

export const categoryWords: Record<TemplateView['category'], string> = {
  MARKETING: 'Marketing',
  UTILITY: 'Utility',
  AUTHENTICATION: 'Login code',
};

/** Meta's rejection reasons in plain words (the code itself when unknown). */
export function rejectionWords(reason: string): string {
  const known: Record<string, string> = {
    INVALID_FORMAT: 'The format is not accepted (often variables next to each other, or at the start or end).',
    ABUSIVE_CONTENT: 'Meta found the content against its policies.',
    PROMOTIONAL: 'It reads as marketing but was filed as utility.',
    TAG_CONTENT_MISMATCH: 'The text does not match the chosen category.',
    SCAM: 'Meta suspected a scam.',
  };
  return known[reason.toUpperCase()] ?? reason;
}

export type StatusFilter = 'all' | 'ok' | 'pending' | 'bad';

/** Templates matching the search (name, language, text, button texts) and the status filter. */
export function filterTemplates(list: readonly TemplateView[], search: string, status: StatusFilter): TemplateView[] {
  const q = search.trim().toLowerCase();
  return list.filter((t) => {
    if (status !== 'all' && statusWords(t.status).tone !== status) return false;
    if (!q) return true;
    const haystack = [t.name, t.language, t.text?.header, t.text?.body, t.text?.footer, ...t.buttons.map((b) => b.text)].join(' ').toLowerCase();
    return haystack.includes(q);
  });
}
