import type { NodeDefinition } from './defineNode';
import { triggerMessage } from './trigger-message/definition';
import { triggerEvent } from './trigger-event/definition';
import { triggerSchedule } from './trigger-schedule/definition';
import { triggerApi } from './trigger-api/definition';
import { sendTemplate } from './send-template/definition';
import { sendMessage } from './send-message/definition';
import { botQuestion } from './bot-question/definition';
import { wait } from './wait/definition';
import { condition } from './condition/definition';
import { split } from './split/definition';
import { setAttribute } from './set-attribute/definition';
import { httpRequest } from './http-request/definition';
import { handoff } from './handoff/definition';
import { goToFlow } from './go-to-flow/definition';
import { end } from './end/definition';
import { sendFlow } from './send-flow/definition';
import { reportConversion } from './report-conversion/definition';

export const nodeTypes = [
  'trigger-message',
  'trigger-event',
  'trigger-schedule',
  'trigger-api',
  'send-template',
  'send-message',
  'send-flow',
  'bot-question',
  'wait',
  'condition',
  'split',
  'set-attribute',
  'http-request',
  'report-conversion',
  'handoff',
  'go-to-flow',
  'end',
] as const;
export type NodeType = (typeof nodeTypes)[number];

/** Every node type by its JSON `type`. A type missing here fails the type check. */
export const definitions = {
  'trigger-message': triggerMessage,
  'trigger-event': triggerEvent,
  'trigger-schedule': triggerSchedule,
  'trigger-api': triggerApi,
  'send-template': sendTemplate,
  'send-message': sendMessage,
  'send-flow': sendFlow,
  'bot-question': botQuestion,
  wait,
  condition,
  split,
  'set-attribute': setAttribute,
  'http-request': httpRequest,
  'report-conversion': reportConversion,
  handoff,
  'go-to-flow': goToFlow,
  end,
} satisfies { [K in NodeType]: NodeDefinition };

export function isNodeType(type: string): type is NodeType {
  return Object.hasOwn(definitions, type);
}

/** The definition of a node type, typed loosely for code that handles any node. */
export function definitionOf(type: NodeType): NodeDefinition {
  return definitions[type] as unknown as NodeDefinition;
}
