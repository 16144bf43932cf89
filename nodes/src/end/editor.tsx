import type { NodeEditor } from '../editors';
import type { EndConfig } from './definition';

export const endEditor: NodeEditor<EndConfig> = {
  Body: ({ summary }) => <p className="tn-summary">{summary}</p>,
};
