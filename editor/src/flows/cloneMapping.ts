import type { BodyOf, endpoints, FlowSummary } from '@tandem/shared/api';
import type { ClonePreview } from '../workspace/types';

/** What the person chose in the clone dialog: per template, attribute and flow of the source, its counterpart in the target ('' = none). */
export interface CloneChoices {
  templates: Record<string, string>;
  attributes: Record<string, string>;
  flows: Record<string, string>;
  /** What mentions of the source's WhatsApp number become (digits; '' = leave them). */
  number: string;
}

export const templateKey = (t: { name: string; language: string }) => `${t.name}|${t.language}`;

/**
 * Sensible first choices: a template the target has under the same name and language (else the
 * same name in another language), every attribute under its own name, a flow the target has with
 * the same name, and the target's own number for mentions of the source's.
 */
export function defaultChoices(preview: ClonePreview, targetFlows: readonly FlowSummary[]): CloneChoices {
  const templates: Record<string, string> = {};
  for (const t of preview.templates) {
    const exact = preview.targetTemplates.find((x) => x.name === t.name && x.language === t.language);
    const sameName = preview.targetTemplates.find((x) => x.name === t.name);
    const pick = exact ?? sameName;
    templates[templateKey(t)] = pick ? templateKey(pick) : '';
  }
  const attributes = Object.fromEntries(preview.attributes.map((a) => [a.name, a.name]));
  const flows = Object.fromEntries(preview.flows.map((f) => [f.flowId, targetFlows.find((x) => x.name === f.name)?.id ?? '']));
  return { templates, attributes, flows, number: preview.number.mentions > 0 ? (preview.number.target ?? '') : '' };
}

/** The clone request for these choices; unmapped templates and flows are left as they are (the copy's checks will flag them). */
export function cloneBody(preview: ClonePreview, choices: CloneChoices, targetWorkspaceId: string, name: string): BodyOf<typeof endpoints.cloneFlow> {
  const templates = preview.templates.flatMap((t) => {
    const to = choices.templates[templateKey(t)];
    if (!to) return [];
    const [toName, toLanguage] = splitKey(to);
    return toName === t.name && toLanguage === t.language ? [] : [{ from: { name: t.name, language: t.language }, to: { name: toName, language: toLanguage } }];
  });
  const attributes = Object.fromEntries(
    Object.entries(choices.attributes)
      .filter(([from, to]) => to.trim() !== '' && to.trim() !== from)
      .map(([from, to]) => [from, to.trim()]),
  );
  const flows = Object.fromEntries(Object.entries(choices.flows).filter(([, to]) => to !== ''));
  const to = choices.number.replace(/\D/g, '');
  const number =
    preview.number.source && preview.number.mentions > 0 && to.length >= 5 && to !== preview.number.source
      ? { number: { from: preview.number.source, to } }
      : {};
  return { targetWorkspaceId, ...(name.trim() ? { name: name.trim() } : {}), templates, attributes, flows, ...number };
}

/** Templates the copy would use that the target does not have. */
/** How a number of digits reads: `+15550783881`. */
export const showNumber = (digits: string) => `+${digits}`;

export function missingTemplates(preview: ClonePreview, choices: CloneChoices): ClonePreview['templates'] {
  return preview.templates.filter((t) => {
    const to = choices.templates[templateKey(t)];
    return !to || !preview.targetTemplates.some((x) => templateKey(x) === to);
  });
}

function splitKey(key: string): [string, string] {
  const i = key.lastIndexOf('|');
  return [key.slice(0, i), key.slice(i + 1)];
}
