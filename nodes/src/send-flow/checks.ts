import type { PolicyContext, PolicyFinding } from '../nodePolicy';
import type { SendFlowConfig } from './definition';

/** Compares the step with the workspace's WhatsApp Flows: the Flow exists, is published, has the screen and the fields saved. */
export function checkSendFlow(c: SendFlowConfig, ctx: PolicyContext): PolicyFinding[] {
  if (!ctx.waFlows) return [];
  const f = ctx.waFlows.find((x) => x.id === c.flow.id);
  if (!f) {
    const named = c.flow.name ? ` "${c.flow.name}"` : '';
    return [
      {
        code: 'unknown-wa-flow',
        message: `The WhatsApp Flow${named} (id ${c.flow.id}) is not in this workspace. Pick one of its Flows, or sync them from Meta.`,
        path: ['flow', 'id'],
      },
    ];
  }
  const out: PolicyFinding[] = [];
  // THROTTLED Flows still go out (10 an hour); DRAFT, DEPRECATED and BLOCKED ones do not (FACTS.md §4).
  if (f.status !== 'PUBLISHED' && f.status !== 'THROTTLED') {
    out.push({
      code: 'unknown-wa-flow',
      message: `The WhatsApp Flow "${f.name}" is ${f.status.toLowerCase()}, not published; WhatsApp only delivers published Flows.`,
      path: ['flow', 'id'],
    });
  }
  if (f.screens.length && !f.screens.some((s) => s.id === c.screen)) {
    out.push({
      code: 'unknown-wa-flow',
      message: `"${f.name}" has no screen "${c.screen}"; its screens are ${f.screens.map((s) => s.id).join(', ')}.`,
      path: ['screen'],
    });
  }
  const fields = new Set(f.screens.flatMap((s) => s.fields.map((x) => x.name)));
  c.answers.forEach((a, i) => {
    if (fields.size && !fields.has(a.field)) {
      out.push({
        code: 'unknown-wa-flow',
        message: `"${f.name}" has no field "${a.field}"; its fields are ${[...fields].join(', ')}.`,
        path: ['answers', i, 'field'],
      });
    }
  });
  if (c.outsideWindow && ctx.templates) {
    const t = ctx.templates.find((x) => x.name === c.outsideWindow?.name && x.language === c.outsideWindow.language);
    const button = t?.buttons[c.outsideWindow.buttonIndex];
    if (!t) {
      out.push({
        code: 'unknown-template',
        message: `Template "${c.outsideWindow.name}" in ${c.outsideWindow.language} does not exist in this workspace.`,
        path: ['outsideWindow', 'name'],
      });
    } else if (button?.type !== 'FLOW') {
      out.push({
        code: 'template-parameters',
        message: `Button ${c.outsideWindow.buttonIndex + 1} of "${t.name}" is not a Flow button, so it cannot open the Flow.`,
        path: ['outsideWindow', 'buttonIndex'],
      });
    } else if (button.flowId !== undefined && button.flowId !== c.flow.id) {
      out.push({
        code: 'template-parameters',
        message: `The Flow button of "${t.name}" opens another WhatsApp Flow (id ${button.flowId}), not ${c.flow.name || c.flow.id}.`,
        path: ['outsideWindow', 'name'],
      });
    } else if (t.bodyParameters.length !== c.outsideWindow.body.length) {
      out.push({
        code: 'template-parameters',
        message: `"${t.name}" has ${t.bodyParameters.length} body variable(s); the step fills ${c.outsideWindow.body.length}.`,
        path: ['outsideWindow', 'body'],
      });
    }
  }
  return out;
}
