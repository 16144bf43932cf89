import type { NodeEditor } from '../editors';
import type { TriggerMessageConfig } from './definition';

/** Keywords as chips, otherwise the summary ("Any message", the pattern...). */
export const triggerMessageEditor: NodeEditor<TriggerMessageConfig> = {
  Body: ({ config, summary }) =>
    config.match === 'keywords' ? (
      <div className="tn-chips">
        {config.keywords.slice(0, 6).map((k) => (
          <span key={k} className="tn-chip">
            {k}
          </span>
        ))}
      </div>
    ) : (
      <p className="tn-summary">{summary}</p>
    ),
};
