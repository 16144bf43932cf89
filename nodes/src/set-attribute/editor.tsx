import type { NodeEditor } from '../editors';
import type { SetAttributeConfig } from './definition';

export const setAttributeEditor: NodeEditor<SetAttributeConfig> = {
  Body: ({ summary }) => <p className="tn-summary">{summary}</p>,
};
