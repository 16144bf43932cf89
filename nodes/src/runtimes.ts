import type { NodeRuntime } from './defineRuntime';
import type { z } from 'zod';
import type { NodeType, definitions } from './definitions';
import { triggerMessageRuntime } from './trigger-message/runtime';
import { triggerEventRuntime } from './trigger-event/runtime';
import { triggerScheduleRuntime } from './trigger-schedule/runtime';
import { triggerApiRuntime } from './trigger-api/runtime';
import { sendTemplateRuntime } from './send-template/runtime';
import { sendMessageRuntime } from './send-message/runtime';
import { botQuestionRuntime } from './bot-question/runtime';
import { waitRuntime } from './wait/runtime';
import { conditionRuntime } from './condition/runtime';
import { splitRuntime } from './split/runtime';
import { setAttributeRuntime } from './set-attribute/runtime';
import { httpRequestRuntime } from './http-request/runtime';
import { reportConversionRuntime } from './report-conversion/runtime';
import { handoffRuntime } from './handoff/runtime';
import { goToFlowRuntime } from './go-to-flow/runtime';
import { endRuntime } from './end/runtime';
import { sendFlowRuntime } from './send-flow/runtime';

/** The parsed settings of a node type. */
export type ConfigOf<K extends NodeType> = z.output<(typeof definitions)[K]['config']>;

/** Server-side behaviour of every node type. A type missing here fails the type check. */
export const runtimes = {
  'trigger-message': triggerMessageRuntime,
  'trigger-event': triggerEventRuntime,
  'trigger-schedule': triggerScheduleRuntime,
  'trigger-api': triggerApiRuntime,
  'send-template': sendTemplateRuntime,
  'send-message': sendMessageRuntime,
  'send-flow': sendFlowRuntime,
  'bot-question': botQuestionRuntime,
  wait: waitRuntime,
  condition: conditionRuntime,
  split: splitRuntime,
  'set-attribute': setAttributeRuntime,
  'http-request': httpRequestRuntime,
  'report-conversion': reportConversionRuntime,
  handoff: handoffRuntime,
  'go-to-flow': goToFlowRuntime,
  end: endRuntime,
} satisfies { [K in NodeType]: NodeRuntime<ConfigOf<K>> };

/** The runtime of a node type, typed loosely for code that handles any node. */
export function runtimeOf(type: NodeType): NodeRuntime<unknown> {
  return runtimes[type] as NodeRuntime<unknown>;
}
