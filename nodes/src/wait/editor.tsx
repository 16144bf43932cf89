import type { NodeEditor } from '../editors';
import type { WaitConfig } from './definition';

export const waitEditor: NodeEditor<WaitConfig> = {
  Body: ({ summary }) => <p className="tn-summary">{summary}</p>,
};
