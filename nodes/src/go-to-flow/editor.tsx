import type { NodeEditor } from '../editors';
import type { GoToFlowConfig } from './definition';

export const goToFlowEditor: NodeEditor<GoToFlowConfig> = {
  Body: ({ summary }) => <p className="tn-summary">{summary}</p>,
};
