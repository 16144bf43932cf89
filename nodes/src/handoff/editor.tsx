import type { NodeEditor } from '../editors';
import type { HandoffConfig } from './definition';

export const handoffEditor: NodeEditor<HandoffConfig> = {
  Body: ({ summary }) => <p className="tn-summary">{summary}</p>,
};
