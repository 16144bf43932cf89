import type { TemplateInfo } from '@tandem/shared';

/** What the "New template" form holds while someone types. */
export interface TemplateDraft {
  name: string;
  language: string;
  category: TemplateInfo['category'];
  headerText: string;
  body: string;
  /** An example value per body variable, `{{1}}` first: Meta asks for them to review the template. */
  examples: string[];
  footer: string;
  buttons: DraftButton[];
}

export interface DraftButton {
  /** Identifies the row while buttons are added and removed. */
  key: number;
  type: 'QUICK_REPLY' | 'URL';
  text: string;
  /** URL buttons: the link; a `{{1}}` at its end is filled per message. */
  url: string;
}

export const emptyDraft: TemplateDraft = { name: '', language: 'en', category: 'MARKETING', headerText: '', body: '', examples: [], footer: '', buttons: [] };

/** Meta's limits for a template's parts (WhatsApp Manager enforces the same). */
export const limits = { name: 512, header: 60, body: 1024, footer: 60, buttonText: 25, buttons: 10, urlButtons: 2 } as const;

/** The body's variables in order of first appearance, as Meta numbers them (`{{1}}`, `{{2}}`…). */
export function variablesOf(body: string): string[] {
  return [...new Set([...body.matchAll(/\{\{\s*([^{}\s]+)\s*\}\}/g)].map((m) => m[1]!))];
}

/** Problems with the draft, keyed by the field they belong to, in plain words; empty when it can be created. */
export function draftProblems(d: TemplateDraft): Partial<Record<DraftField, string>> {
  const out: Partial<Record<DraftField, string>> = {};
  if (!d.name.trim()) out.name = 'Give the template a name.';
  else if (!/^[a-z0-9_]+$/.test(d.name)) out.name = 'Use only lowercase letters, digits and underscores (for example order_shipped).';
  else if (d.name.length > limits.name) out.name = `At most ${limits.name} characters.`;
  if (!/^[a-z]{2,3}(_[A-Z]{2})?$/.test(d.language)) out.language = 'Use a language code such as en, de or pt_BR.';
  if (d.headerText.length > limits.header) out.headerText = `The header has ${d.headerText.length} characters; at most ${limits.header}.`;
  else if (/\{\{/.test(d.headerText)) out.headerText = 'This form does not add variables to the header; keep it plain text.';
  out.body = bodyProblem(d);
  const missing = variablesOf(d.body).findIndex((_, i) => !d.examples[i]?.trim());
  if (!out.body && missing >= 0) out.examples = `Give an example for {{${missing + 1}}}: Meta reviews the template with it.`;
  if (d.footer.length > limits.footer) out.footer = `The footer has ${d.footer.length} characters; at most ${limits.footer}.`;
  out.buttons = buttonsProblem(d.buttons);
  for (const k of Object.keys(out) as DraftField[]) if (!out[k]) delete out[k];
  return out;
}

export type DraftField = 'name' | 'language' | 'headerText' | 'body' | 'examples' | 'footer' | 'buttons';

function bodyProblem(d: TemplateDraft): string | undefined {
  const body = d.body.trim();
  if (!body) return 'Write the message text.';
  if (d.body.length > limits.body) return `The text has ${d.body.length} characters; at most ${limits.body}.`;
  const vars = variablesOf(body);
  const wrong = vars.find((v) => !/^\d+$/.test(v));
  if (wrong) return `{{${wrong}}} is not a number: number the variables {{1}}, {{2}}…`;
  const expected = vars.map((_, i) => String(i + 1));
  if ([...vars].sort((a, b) => Number(a) - Number(b)).join() !== expected.join())
    return `Number the variables from {{1}} without gaps (found ${vars.map((v) => `{{${v}}}`).join(', ')}).`;
  if (/\}\}\s*\{\{/.test(body)) return 'Put words or punctuation between two variables; Meta rejects {{1}}{{2}}.';
  if (/^\{\{/.test(body) || /\}\}[.!?]?$/.test(body)) return 'Meta rejects a text that starts or ends with a variable; add words before or after it.';
  return undefined;
}

function buttonsProblem(buttons: DraftButton[]): string | undefined {
  if (buttons.length > limits.buttons) return `At most ${limits.buttons} buttons.`;
  if (buttons.filter((b) => b.type === 'URL').length > limits.urlButtons) return `At most ${limits.urlButtons} link buttons.`;
  for (const [i, b] of buttons.entries()) {
    const which = `Button ${i + 1}`;
    if (!b.text.trim()) return `${which} needs a text.`;
    if (b.text.length > limits.buttonText) return `${which}: at most ${limits.buttonText} characters (it has ${b.text.length}).`;
    if (b.type === 'URL' && !/^https?:\/\/[^\s/]+\.[^\s]+$/.test(b.url.replace(/\{\{1\}\}$/, 'x'))) return `${which} needs a link starting with https://`;
  }
  const texts = buttons.map((b) => b.text.trim().toLowerCase());
  if (new Set(texts).size !== texts.length) return 'Two buttons have the same text; WhatsApp needs them different.';
  return undefined;
}

/** The template the server stores for the draft (call only when draftProblems is empty). */
export function templateOfDraft(d: TemplateDraft): TemplateInfo {
  const header = d.headerText.trim();
  const footer = d.footer.trim();
  return {
    name: d.name,
    language: d.language,
    category: d.category,
    status: 'APPROVED',
    bodyParameters: variablesOf(d.body).sort((a, b) => Number(a) - Number(b)),
    parameterFormat: 'positional',
    header: header ? 'text' : 'none',
    headerHasParameter: false,
    buttons: d.buttons.map((b) => ({ type: b.type, text: b.text.trim(), dynamic: b.type === 'URL' && /\{\{1\}\}$/.test(b.url) })),
    text: { body: d.body.trim(), ...(header ? { header } : {}), ...(footer ? { footer } : {}) },
  };
}

/** The body with each variable replaced by its example (or left as is), for the preview. */
export function previewText(body: string, examples: readonly string[]): string {
  return body.replace(/\{\{\s*(\d+)\s*\}\}/g, (whole, n: string) => examples[Number(n) - 1]?.trim() || whole);
}

/** A draft copying an existing template (to create it in another sandbox workspace); examples start empty. */
export function draftOfTemplate(t: TemplateInfo): TemplateDraft {
  const body = t.text?.body ?? '';
  return {
    name: t.name,
    language: t.language,
    category: t.category,
    headerText: t.header === 'text' ? (t.text?.header ?? '') : '',
    body,
    examples: variablesOf(body).map(() => ''),
    footer: t.text?.footer ?? '',
    buttons: t.buttons.flatMap((b, key): DraftButton[] =>
      b.type === 'QUICK_REPLY' || b.type === 'URL'
        ? [{ key, type: b.type, text: b.text, url: b.type === 'URL' ? `https://example.com/${b.dynamic ? '{{1}}' : ''}` : '' }]
        : [],
    ),
  };
}
