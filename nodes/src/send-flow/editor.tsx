import type { NodeEditor } from '../editors';
import type { SendFlowConfig } from './definition';

/** The Flow, its button label, and what happens outside the window. */
export const sendFlowEditor: NodeEditor<SendFlowConfig> = {
  Body: ({ config }) => {
    const saved = config.answers.length;
    return (
      <div>
        <code className="tn-code">{config.flow.name || config.flow.id || 'Pick a Flow'}</code>
        <div className="tn-chips">
          <span className="tn-chip">{config.cta}</span>
          {saved > 0 && <span className="tn-chip">{`${saved} answer${saved === 1 ? '' : 's'} saved`}</span>}
          {config.outsideWindow && <span className="tn-chip">{`else ${config.outsideWindow.name}`}</span>}
        </div>
      </div>
    );
  },
};
