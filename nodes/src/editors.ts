import type { ComponentType } from 'react';
import type { z } from 'zod';
import type { NodeType, definitions } from './definitions';
import { triggerMessageEditor } from './trigger-message/editor';
import { triggerEventEditor } from './trigger-event/editor';
import { triggerScheduleEditor } from './trigger-schedule/editor';
import { triggerApiEditor } from './trigger-api/editor';
import { sendTemplateEditor } from './send-template/editor';
import { sendMessageEditor } from './send-message/editor';
import { botQuestionEditor } from './bot-question/editor';
import { waitEditor } from './wait/editor';
import { conditionEditor } from './condition/editor';
import { splitEditor } from './split/editor';
import { setAttributeEditor } from './set-attribute/editor';
import { httpRequestEditor } from './http-request/editor';
import { reportConversionEditor } from './report-conversion/editor';
import { handoffEditor } from './handoff/editor';
import { goToFlowEditor } from './go-to-flow/editor';
import { endEditor } from './end/editor';
import { sendFlowEditor } from './send-flow/editor';

/** What a node body receives: its parsed settings and the definition's one-line summary. */
export interface NodeBodyProps<C> {
  config: C;
  summary: string;
}

/** Browser-side view of a node type: the body drawn inside the node's frame on the canvas. */
export interface NodeEditor<C> {
  Body: ComponentType<NodeBodyProps<C>>;
}

type ConfigOf<K extends NodeType> = z.output<(typeof definitions)[K]['config']>;

/** Every node type's canvas view. A type missing here (or with the wrong settings type) fails the type check. */
export const editors = {
  'trigger-message': triggerMessageEditor,
  'trigger-event': triggerEventEditor,
  'trigger-schedule': triggerScheduleEditor,
  'trigger-api': triggerApiEditor,
  'send-template': sendTemplateEditor,
  'send-message': sendMessageEditor,
  'send-flow': sendFlowEditor,
  'bot-question': botQuestionEditor,
  wait: waitEditor,
  condition: conditionEditor,
  split: splitEditor,
  'set-attribute': setAttributeEditor,
  'http-request': httpRequestEditor,
  'report-conversion': reportConversionEditor,
  handoff: handoffEditor,
  'go-to-flow': goToFlowEditor,
  end: endEditor,
} satisfies { [K in NodeType]: NodeEditor<ConfigOf<K>> };

/** The view of a node type, typed loosely for code that draws any node (it passes that type's parsed settings). */
export function editorOf(type: NodeType): NodeEditor<unknown> {
  return editors[type] as unknown as NodeEditor<unknown>;
}
