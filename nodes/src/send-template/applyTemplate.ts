import type { TemplateInfo } from '@tandem/shared';
import { isRecord } from '../parseConfig';

type ButtonParam = { index: number; type: 'quick_reply' | 'url' | 'copy_code'; value: string };

/**
 * The settings of a "Send template" step after picking `t`: its name, language and category, one
 * body parameter per template variable (values already typed are kept, by name or position), a
 * header of the kind the template needs, a value for each dynamic button, a payload for each
 * quick reply (so a later question can branch on it), and an opt-out button for a marketing
 * template whose quick reply says stop.
 */
export function applyTemplate(data: Record<string, unknown>, t: TemplateInfo): Record<string, unknown> {
  const oldBody = Array.isArray(data.body) ? data.body.filter(isRecord) : [];
  const valueAt = (i: number, name?: string): string => {
    const byName = name !== undefined ? oldBody.find((p) => p.name === name) : undefined;
    const v = (byName ?? (name === undefined || oldBody.every((p) => p.name === undefined) ? oldBody[i] : undefined))?.value;
    return typeof v === 'string' ? v : '';
  };
  const body = t.bodyParameters.map((name, i) => (t.parameterFormat === 'named' ? { name, value: valueAt(i, name) } : { value: valueAt(i) }));

  const oldButtons = Array.isArray(data.buttons) ? data.buttons.filter(isRecord) : [];
  const buttons: ButtonParam[] = [];
  t.buttons.forEach((b, index) => {
    const type = b.type === 'URL' ? 'url' : b.type === 'COPY_CODE' ? 'copy_code' : b.type === 'QUICK_REPLY' ? 'quick_reply' : undefined;
    if (!type || (type !== 'quick_reply' && !b.dynamic)) return;
    const old = oldButtons.find((p) => p.index === index && p.type === type)?.value;
    buttons.push({ index, type, value: typeof old === 'string' ? old : type === 'quick_reply' ? payloadOf(b.text, index) : '' });
  });

  const optOut = t.category === 'MARKETING' ? buttons.find((b) => b.type === 'quick_reply' && OPT_OUT.test(t.buttons[b.index]?.text ?? '')) : undefined;
  const { header: _header, optOutButton: _optOut, ...rest } = data;
  return {
    ...rest,
    template: { name: t.name, language: t.language, category: t.category },
    header: headerFor(t, data.header),
    body,
    buttons,
    ...(optOut ? { optOutButton: optOut.index } : {}),
  };
}

/**
 * A template named inside other settings (the template a Flow step sends outside the window) after
 * picking `t`: its name, language and category; when the reference has them, one body value per
 * template variable (values already typed kept by position) and the position of its Flow button.
 */
export function applyTemplateReference(ref: Record<string, unknown>, t: TemplateInfo): Record<string, unknown> {
  const oldBody = Array.isArray(ref.body) ? ref.body : [];
  const flowButton = t.buttons.findIndex((b) => b.type === 'FLOW');
  return {
    ...ref,
    name: t.name,
    language: t.language,
    category: t.category,
    ...('body' in ref ? { body: t.bodyParameters.map((_, i) => (typeof oldBody[i] === 'string' ? oldBody[i] : '')) } : {}),
    ...('buttonIndex' in ref && flowButton >= 0 ? { buttonIndex: flowButton } : {}),
  };
}

const OPT_OUT = /\b(stop|unsubscribe|opt[\s-]?out|no more)\b/i;

/** Whether a button's text means "stop promotions". */
export const isOptOutText = (text: string): boolean => OPT_OUT.test(text);

/** "Complete my order" → "complete_my_order": a stable quick-reply payload to branch on. */
export function payloadOf(text: string, index: number): string {
  const slug = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '')
    .slice(0, 40);
  return slug || `button_${index + 1}`;
}

/** The header setting a template needs, keeping a value already typed for the same kind. */
function headerFor(t: TemplateInfo, old: unknown): Record<string, unknown> {
  const previous = isRecord(old) ? old : {};
  if (t.header === 'text' && t.headerHasParameter)
    return { type: 'text', text: previous.type === 'text' && typeof previous.text === 'string' ? previous.text : '' };
  if (t.header === 'image' || t.header === 'video' || t.header === 'document') {
    return { type: t.header, url: previous.type === t.header && typeof previous.url === 'string' ? previous.url : '' };
  }
  return { type: 'none' };
}

/** Number of values a template asks for: body variables, a header variable, dynamic buttons. */
export function templateVariableCount(t: TemplateInfo): number {
  const header = (t.header === 'text' && t.headerHasParameter) || t.header === 'image' || t.header === 'video' || t.header === 'document' ? 1 : 0;
  return t.bodyParameters.length + header + t.buttons.filter((b) => b.dynamic).length;
}
