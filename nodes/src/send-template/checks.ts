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
  // Settings made for another copy of the template (a flow cloned to a brand whose template has fewer or other buttons).
  const buttonTypes = { quick_reply: 'QUICK_REPLY', url: 'URL', copy_code: 'COPY_CODE' } as const;
  c.buttons.forEach((p, i) => {
    const b = t.buttons[p.index];
    if (!b) {
      out.push({
        code: 'template-parameters',
        message: `"${t.name}" has ${t.buttons.length} button(s); there is no button ${p.index + 1} to fill. Remove this button setting.`,
        path: ['buttons', i, 'index'],
      });
    } else if (b.type !== buttonTypes[p.type]) {
      out.push({
        code: 'template-parameters',
        message: `Button ${p.index + 1} of "${t.name}" ("${b.text}") is not a ${p.type.replace('_', '-')} button.`,
        path: ['buttons', i, 'type'],
      });
    }
  });
  if (c.optOutButton !== null) {
    const b = t.buttons[c.optOutButton];
    if (b?.type !== 'QUICK_REPLY') {
      const quickReplies = t.buttons.flatMap((x, i) => (x.type === 'QUICK_REPLY' ? [`${i + 1} ("${x.text}")`] : []));
      out.push({
        code: 'template-parameters',
        message:
          `The opt-out is set to button ${c.optOutButton + 1}, which "${t.name}" ${b ? `has as a ${b.type.toLowerCase().replace('_', '-')} button ("${b.text}")` : 'does not have'}: ` +
          `tapping it would not record the opt-out. ${quickReplies.length ? `Its quick replies: ${quickReplies.join(', ')}.` : 'It has no quick-reply button.'}`,
        path: ['optOutButton'],
      });
    }
  }
  const dynamicButtons = t.buttons.map((b, index) => ({ ...b, index })).filter((b) => b.dynamic);
  for (const b of dynamicButtons) {
    if (!c.buttons.some((p) => p.index === b.index)) {
      out.push({ code: 'template-parameters', message: `Button ${b.index + 1} ("${b.text}") of "${t.name}" needs a value.`, path: ['buttons'] });
    }
  }
  return out;
}
