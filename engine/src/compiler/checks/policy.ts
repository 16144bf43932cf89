import { diagnostic, type Diagnostic, type TemplateInfo } from '@tandem/shared';
import {
  nextFireAt,
  type BotQuestionConfig,
  type GoToFlowConfig,
  type SendTemplateConfig,
  type SetAttributeConfig,
  type TriggerScheduleConfig,
} from '@tandem/nodes';
import { nodeLabel, type FlowGraph } from '../graph';
import type { LoadedNode } from '../loadFlow';

export interface PolicyOptions {
  /** Approved templates of the workspace; templates are not checked when absent. */
  templates?: readonly TemplateInfo[];
  /** Flows a "Go to flow" may start; not checked when absent. */
  flowIds?: readonly string[];
  /** The workspace's time, for one-off broadcasts; not checked when absent. */
  now?: Date;
}

/** WhatsApp policy and journey hygiene that depends on particular step types. */
export function checkPolicy(graph: FlowGraph, options: PolicyOptions): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  const reached = [...graph.reachable].map((id) => graph.nodes.get(id)!).filter((n) => n.config !== undefined);
  const recordsOptOut = reached.some((n) => n.type === 'set-attribute' && (n.config as SetAttributeConfig).consent === 'opt_out');
  for (const n of reached) {
    const id = n.node.id;
    if (n.type === 'send-template') {
      const c = n.config as SendTemplateConfig;
      if (c.template.category === 'MARKETING' && c.optOutButton === null && !recordsOptOut) {
        diagnostics.push(
          diagnostic(
            'marketing-without-opt-out',
            `"${c.template.name}" is a marketing template, but this flow gives contacts no way to opt out. Add a "Stop promotions" quick-reply and pick it as the opt-out button, or record the opt-out with "Set attribute".`,
            { nodeId: id },
          ),
        );
      }
      if (options.templates) diagnostics.push(...checkTemplate(n, c, options.templates));
    }
    if (n.type === 'bot-question' && (n.config as BotQuestionConfig).timeout === null) {
      diagnostics.push(
        diagnostic(
          'question-without-timeout',
          `"${nodeLabel(n)}" waits forever if the contact never answers; set "Stop waiting after" so the journey can move on.`,
          {
            nodeId: id,
            path: ['timeout'],
          },
        ),
      );
    }
    if (n.type === 'trigger-schedule' && options.now) {
      const { schedule } = n.config as TriggerScheduleConfig;
      if (schedule.kind === 'once' && nextFireAt(schedule, options.now) === null) {
        diagnostics.push(
          diagnostic(
            'broadcast-in-past',
            `This one-off broadcast was due ${schedule.at.replace('T', ' ')} (${schedule.timezone}); that time has passed, so it will not be sent. Pick a later time or a repeating schedule.`,
            {
              nodeId: id,
              path: ['schedule', 'at'],
            },
          ),
        );
      }
    }
    if (n.type === 'go-to-flow' && options.flowIds) {
      const c = n.config as GoToFlowConfig;
      if (!options.flowIds.includes(c.flowId)) {
        diagnostics.push(diagnostic('unknown-flow', `There is no flow "${c.flowId}" in this workspace to go to.`, { nodeId: id, path: ['flowId'] }));
      }
    }
  }
  return diagnostics;
}

function checkTemplate(n: LoadedNode, c: SendTemplateConfig, templates: readonly TemplateInfo[]): Diagnostic[] {
  const where = { nodeId: n.node.id };
  const t = templates.find((x) => x.name === c.template.name && x.language === c.template.language);
  if (!t) {
    const other = templates.filter((x) => x.name === c.template.name).map((x) => x.language);
    const hint = other.length ? ` It exists in: ${other.join(', ')}.` : '';
    return [
      diagnostic('unknown-template', `Template "${c.template.name}" in ${c.template.language} does not exist in this workspace.${hint}`, {
        ...where,
        path: ['template', 'name'],
      }),
    ];
  }
  const out: Diagnostic[] = [];
  if (t.status !== 'APPROVED') {
    out.push(
      diagnostic('unknown-template', `Template "${t.name}" (${t.language}) is ${t.status.toLowerCase()}, not approved; WhatsApp will refuse it.`, {
        ...where,
        path: ['template', 'name'],
      }),
    );
  }
  if (t.category !== c.template.category) {
    out.push(
      diagnostic('template-parameters', `Meta lists "${t.name}" as ${t.category}, but the step says ${c.template.category}.`, {
        ...where,
        path: ['template', 'category'],
      }),
    );
  }
  if (c.body.length !== t.bodyParameters.length) {
    out.push(
      diagnostic('template-parameters', `"${t.name}" has ${t.bodyParameters.length} body variable(s); the step fills ${c.body.length}.`, {
        ...where,
        path: ['body'],
      }),
    );
  } else if (t.parameterFormat === 'named') {
    const missing = t.bodyParameters.filter((p) => !c.body.some((b) => b.name === p));
    if (missing.length) {
      out.push(diagnostic('template-parameters', `"${t.name}" needs the named variable(s) ${missing.join(', ')}.`, { ...where, path: ['body'] }));
    }
  }
  const dynamicButtons = t.buttons.map((b, index) => ({ ...b, index })).filter((b) => b.dynamic);
  for (const b of dynamicButtons) {
    if (!c.buttons.some((p) => p.index === b.index)) {
      out.push(diagnostic('template-parameters', `Button ${b.index + 1} ("${b.text}") of "${t.name}" needs a value.`, { ...where, path: ['buttons'] }));
    }
  }
  const headerNeeds = t.header === 'text' ? (t.headerHasParameter ? 'text' : 'none') : t.header === 'location' ? 'none' : t.header;
  if (headerNeeds !== c.header.type) {
    out.push(
      diagnostic(
        'template-parameters',
        `"${t.name}" has ${headerNeeds === 'none' ? 'no header variable' : `${/^[aeiou]/.test(headerNeeds) ? 'an' : 'a'} ${headerNeeds} header`}; set the header to ${headerNeeds}.`,
        { ...where, path: ['header'] },
      ),
    );
  }
  return out;
}
