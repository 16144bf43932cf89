import type { NodeEditor } from '../editors';
import type { TriggerEventConfig } from './definition';

/** The event name, and the payload fields the flow can read. */
export const triggerEventEditor: NodeEditor<TriggerEventConfig> = {
  Body: ({ config }) => (
    <div>
      <code className="tn-code">{config.event}</code>
      {config.fields.length > 0 && <p className="tn-muted">{config.fields.map((f) => `trigger.${f.name}`).join(', ')}</p>}
    </div>
  ),
};
