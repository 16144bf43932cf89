import type { TemplateInfo } from '@tandem/shared';
/** A template as a flow names it. */
export interface TemplateKey {
  name: string;
  language: string;
}

/** What a flow refers to by name, so copying it to another workspace can show what is missing. */
export interface FlowRefs {
  /** Templates as saved in the node (name, language, category). */
  templates: (TemplateKey & { category: string })[];
  /** Contact attributes, by name. */
  attributes: string[];
  /** Flows started by id. */
  flows: string[];
}

/** How a flow's references change when it moves to another workspace. */
export interface CloneMapping {
  templates: { from: TemplateKey; to: TemplateKey }[];
  /** contact attribute name → name in the target workspace */
  attributes: Record<string, string>;
  /** flow id → flow id in the target workspace */
  flows: Record<string, string>;
  /** The target workspace's templates, when known: settings that follow a template's variables and buttons are derived again from its copy there. */
  targetTemplates?: readonly TemplateInfo[];
  /** The source workspace's templates, when known: which button of the target's copy each quick reply was. */
  sourceTemplates?: readonly TemplateInfo[];
}

/**
 * What "Copy to another brand" must know about a node: the names in its settings that point into the
 * workspace. Both hooks read the settings as saved (a draft need not validate); pure and browser-safe.
 * `contact.<attribute>` mentions and the WhatsApp number in texts are handled for every node; these
 * hooks cover the structured fields only.
 */
export interface NodeClone {
  refs(data: Record<string, unknown>): Partial<FlowRefs>;
  /** The settings rewritten for the target workspace; unchanged when nothing maps. */
  remap(data: Record<string, unknown>, mapping: CloneMapping): Record<string, unknown>;
}
