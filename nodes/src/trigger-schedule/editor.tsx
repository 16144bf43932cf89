import type { NodeEditor } from '../editors';
import { nextFireAt } from './broadcast';
import type { TriggerScheduleConfig } from './definition';

/** When it runs next, and who it is for. */
export const triggerScheduleEditor: NodeEditor<TriggerScheduleConfig> = {
  Body: ({ config, summary }) => {
    const a = config.audience;
    const tags = [...a.tagsAny, ...a.tagsAll].slice(0, 4);
    const who = [tags.length ? `Tags: ${tags.join(', ')}` : 'All contacts', a.marketingOptInOnly ? 'opted in' : ''].filter(Boolean).join(' · ');
    const next = nextFireAt(config.schedule, new Date());
    const when = next
      ? `Next: ${next.toLocaleString('en-GB', { timeZone: config.schedule.timezone, weekday: 'short', day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' })}`
      : 'Its time has passed: it will not run';
    return (
      <div>
        <p className="tn-summary">{summary}</p>
        <p className={next ? 'tn-muted' : 'tn-warning'} data-testid="next-firing">
          {when}
        </p>
        <p className="tn-muted">{who}</p>
      </div>
    );
  },
};
