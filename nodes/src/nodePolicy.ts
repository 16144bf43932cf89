import type { DiagnosticCode, TemplateInfo, WaFlowInfo } from '@tandem/shared';

/** What the compiler knows about the workspace when it checks one node's policy. */
export interface PolicyContext {
  /** Approved templates of the workspace; templates are not checked when absent. */
  templates?: readonly TemplateInfo[];
  /** The workspace's WhatsApp Flows (Meta's forms); not checked when absent. */
  waFlows?: readonly WaFlowInfo[];
  /** Flows a "Go to flow" may start; not checked when absent. */
  flowIds?: readonly string[];
  /** The workspace's time, for one-off broadcasts; not checked when absent. */
  now?: Date;
  /** How the step is named to the person reading the finding. */
  label: string;
}

/** A problem a node's policy check found; the compiler adds the node id and the catalog's severity. */
export interface PolicyFinding {
  code: DiagnosticCode;
  message: string;
  /** Where in the node's settings the problem is, e.g. `["template", "name"]`. */
  path?: (string | number)[];
}

/** A marketing message the node sends, which needs a way for the contact to opt out. */
export interface MarketingSend {
  /** The template's name, as the finding quotes it. */
  template: string;
  /** The node itself offers the opt-out (e.g. a "Stop promotions" button). */
  hasOptOut: boolean;
}

/** What a node contributes to the WhatsApp policy and journey hygiene checks. */
export interface NodePolicy<C> {
  /** The marketing message the node sends, if any. */
  marketing?(config: C): MarketingSend | undefined;
  /** The node records the contact's opt-out from marketing, which covers every marketing send of the flow. */
  recordsOptOut?(config: C): boolean;
  /** Problems with this node alone, given what the workspace has. */
  check?(config: C, ctx: PolicyContext): PolicyFinding[];
}
