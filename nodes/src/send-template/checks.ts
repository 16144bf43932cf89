import type { TemplateInfo } from '@tandem/shared';
import type { PolicyContext, PolicyFinding } from '../nodePolicy';
import type { SendTemplateConfig } from './definition';

/** Compares the step with the workspace's copy of its template: existence, approval, category, variables, header. */
export function checkSendTemplate(c: SendTemplateConfig, ctx: PolicyContext): PolicyFinding[] {
  if (!ctx.templates) return [];
  const t = ctx.templates.find((x) => x.name === c.template.name && x.language === c.template.language);
  if (!t) {
    const other = ctx.templates.filter((x) => x.name === c.template.name).map((x) => x.language);
    const hint = other.length ? ` It exists in: ${other.join(', ')}.` : '';
    return [
      {
        code: 'unknown-template',
        message: `Template "${c.template.name}" in ${c.template.language} does not exist in this workspace.${hint}`,
        path: ['template', 'name'],
      },
    ];
  }
  const out: PolicyFinding[] = [];
  if (t.status !== 'APPROVED') {
    out.push({
      code: 'unknown-template',
      message: `Template "${t.name}" (${t.language}) is ${t.status.toLowerCase()}, not approved; WhatsApp will refuse it.`,
      path: ['template', 'name'],
    });
  }
  if (t.category !== c.template.category) {
    out.push({
      code: 'template-parameters',
      message: `Meta lists "${t.name}" as ${t.category}, but the step says ${c.template.category}.`,
      path: ['template', 'category'],
    });
  }
  out.push(...checkParameters(c, t));
  const headerNeeds = t.header === 'text' ? (t.headerHasParameter ? 'text' : 'none') : t.header === 'location' ? 'none' : t.header;
  if (headerNeeds !== c.header.type) {
    out.push({
      code: 'template-parameters',
      message: `"${t.name}" has ${headerNeeds === 'none' ? 'no header variable' : `${/^[aeiou]/.test(headerNeeds) ? 'an' : 'a'} ${headerNeeds} header`}; set the header to ${headerNeeds}.`,
      path: ['header'],
    });
  }
  return out;
}

/** Body variables and dynamic buttons the template needs filled. */
function checkParameters(c: SendTemplateConfig, t: TemplateInfo): PolicyFinding[] {
  const out: PolicyFinding[] = [];
  if (c.body.length !== t.bodyParameters.length) {
    out.push({
      code: 'template-parameters',
      message: `"${t.name}" has ${t.bodyParameters.length} body variable(s); the step fills ${c.body.length}.`,
      path: ['body'],
    });
  } else if (t.parameterFormat === 'named') {
    const missing = t.bodyParameters.filter((p) => !c.body.some((b) => b.name === p));
    if (missing.length) out.push({ code: 'template-parameters', message: `"${t.name}" needs the named variable(s) ${missing.join(', ')}.`, path: ['body'] });
  }
  const dynamicButtons = t.buttons.map((b, index) => ({ ...b, index })).filter((b) => b.dynamic);
  for (const b of dynamicButtons) {
    if (!c.buttons.some((p) => p.index === b.index)) {
      out.push({ code: 'template-parameters', message: `Button ${b.index + 1} ("${b.text}") of "${t.name}" needs a value.`, path: ['buttons'] });
    }
  }
  return out;
}
