import type { NodeEditor } from '../editors';
import type { SendTemplateConfig } from './definition';

/** Template name, language and a category chip (marketing stands out: it needs consent). */
export const sendTemplateEditor: NodeEditor<SendTemplateConfig> = {
  Body: ({ config }) => {
    const category = config.template.category.toLowerCase();
    const count = config.body.length;
    return (
      <div>
        <code className="tn-code">{config.template.name}</code>
        <div className="tn-chips">
          <span className="tn-chip">{config.template.language}</span>
          <span className={`tn-chip tn-chip-${category}`}>{category}</span>
          {count > 0 && <span className="tn-chip">{`${count} variable${count === 1 ? '' : 's'}`}</span>}
        </div>
      </div>
    );
  },
};
