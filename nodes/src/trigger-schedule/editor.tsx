import type { NodeEditor } from '../editors';
import type { TriggerScheduleConfig } from './definition';

/** When it runs, and who it is for. */
export const triggerScheduleEditor: NodeEditor<TriggerScheduleConfig> = {
  Body: ({ config, summary }) => {
    const a = config.audience;
    const tags = [...a.tagsAny, ...a.tagsAll].slice(0, 4);
    const who = [tags.length ? `Tags: ${tags.join(', ')}` : 'All contacts', a.marketingOptInOnly ? 'opted in' : ''].filter(Boolean).join(' · ');
    return (
      <div>
        <p className="tn-summary">{summary}</p>
        <p className="tn-muted">{who}</p>
      </div>
    );
  },
};
