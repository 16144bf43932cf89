import type { z } from 'zod';
import type { AttributeDecl, PortDef, TemplateInfo } from '@tandem/shared';
import type { StateJson } from './machineJson';
import type { CompileContext } from './compileContext';
import type { NodePolicy } from './nodePolicy';
import type { NodeClone } from './nodeClone';
import type { Starter } from './starter';

export const nodeCategories = ['trigger', 'message', 'logic', 'human', 'flow'] as const;
export type NodeCategory = (typeof nodeCategories)[number];

/** How the time since the customer's last message changes when leaving by a port. */
export type WindowEffect =
  /** The customer just wrote to us: the 24-hour window is (re)opened. */
  | { kind: 'reset' }
  /** At most `ms` more pass before the port is taken. */
  | { kind: 'elapse'; ms: number }
  /** Unbounded or unknown time passes: assume the window closed. */
  | { kind: 'unknown' };

/** A free-form (non-template) message the node sends, which needs an open window. */
export interface FreeFormSend {
  what: string;
  /** Port taken when the window is closed at send time; absent if the node has none. */
  fallbackPort?: string;
  /** Another way to the same goal that needs no open window, said to the user with the check (one sentence). */
  instead?: string;
  /**
   * The same step listening to the replies the contact can tap on the message before it (a
   * template's quick-reply buttons) instead of sending anything: offered as a one-click fix.
   */
  listenTo?(replies: readonly ReplyChoice[]): StepFix;
}

/** A reply the contact can tap on a step's message: the id the reply carries and the text it shows. */
export interface ReplyChoice {
  id: string;
  label: string;
}

/** New settings for a step that solve a problem, with the button text that offers them and what changes. */
export interface StepFix {
  label: string;
  config: Record<string, unknown>;
  notes: string[];
}

/** Variables a node makes available to the steps after it. */
export interface ProvidedVariables {
  scope: 'vars' | 'trigger';
  names: string[];
  /** Ports after which the names are set; `all` for every port. */
  ports: string[] | 'all';
}

/** Everything the checker needs to reason about a node without running it. */
export interface NodeAnalysis<C> {
  /** The node takes time (waits for the customer, a timer or a person): loops through it are fine. */
  waits(config: C): boolean;
  window(config: C, port: string): WindowEffect;
  freeFormSends(config: C): FreeFormSend[];
  provides(config: C): ProvidedVariables[];
  /** Contact attributes the node writes (declares them for every path). */
  writesAttributes(config: C): AttributeDecl[];
  /** The quick replies the contact can tap on the message the node sends (none when absent). */
  replyChoices?(config: C, ctx: { templates?: readonly TemplateInfo[] }): ReplyChoice[];
  /** The templates the node may send a contact, by pricing category, for cost estimates (none when absent). */
  sends?(config: C): TemplateSend[];
  /** Triggers: what one firing may cost at most (USD) before publishing asks for confirmation. */
  budget?(config: C): number | undefined;
}

/** A template a node may send, priced by its category. */
export interface TemplateSend {
  category: 'marketing' | 'utility' | 'authentication';
}

export interface NodeDefinition<S extends z.ZodType = z.ZodType> {
  type: string;
  /** Version of the settings shape; bump it with a migration when the shape changes. */
  version: number;
  category: NodeCategory;
  label: string;
  description: string;
  /** Icon name from the editor's icon set. */
  icon: string;
  config: S;
  /** Settings of a freshly dropped node; valid for `config`. */
  defaults: z.input<S>;
  ports(config: z.output<S>): PortDef[];
  /** `migrations[n]` turns version-n settings into version n+1. */
  migrations: Record<number, (data: Record<string, unknown>) => Record<string, unknown>>;
  compile(config: z.output<S>, ctx: CompileContext): StateJson;
  analysis: NodeAnalysis<z.output<S>>;
  /** One line describing the configured node, for the canvas and the CLI. */
  summary(config: z.output<S>): string;
  /**
   * Triggers: the simulator's one-click starts for this node. Reads the settings as saved, since
   * a draft need not validate yet; pure and browser-safe.
   */
  starters?(data: Record<string, unknown>, nodeId: string): Starter[];
  /** What the node contributes to the policy checks; absent for nodes with none. */
  policy?: NodePolicy<z.output<S>>;
  /** The workspace references clone-to-brand must list and remap; absent for nodes with none. */
  clone?: NodeClone;
  /**
   * Keeps settings that depend on others consistent after one change in the form: given the
   * settings before and after it (as saved: a draft need not validate), the settings to store and
   * a sentence for each one it reset or moved. Pure and browser-safe; absent: stored as changed.
   */
  reconcile?(before: Record<string, unknown>, after: Record<string, unknown>): Reconciled;
}

/** Settings after a change, made consistent, and what was changed with it, in the user's words. */
export interface Reconciled {
  data: Record<string, unknown>;
  notes: string[];
}

const noAnalysis: NodeAnalysis<unknown> = {
  waits: () => false,
  window: () => ({ kind: 'elapse', ms: 0 }),
  freeFormSends: () => [],
  provides: () => [],
  writesAttributes: () => [],
};

type DefinitionInput<S extends z.ZodType> = Omit<NodeDefinition<S>, 'analysis' | 'migrations'> & {
  analysis?: Partial<NodeAnalysis<z.output<S>>>;
  migrations?: NodeDefinition<S>['migrations'];
};

/** Declares a node type; analysis hooks default to "instant, no window effect, no variables". */
export function defineNode<S extends z.ZodType>(def: DefinitionInput<S>): NodeDefinition<S> {
  return {
    ...def,
    migrations: def.migrations ?? {},
    analysis: { ...(noAnalysis as NodeAnalysis<z.output<S>>), ...def.analysis },
  };
}
