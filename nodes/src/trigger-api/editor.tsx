import type { NodeEditor } from '../editors';
import type { TriggerApiConfig } from './definition';

export const triggerApiEditor: NodeEditor<TriggerApiConfig> = {
  Body: ({ summary }) => <p className="tn-summary">{summary}</p>,
};
