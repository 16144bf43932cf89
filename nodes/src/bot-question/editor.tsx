import type { NodeEditor } from '../editors';
import { effectiveAnswerType, type BotQuestionConfig } from './definition';

/** The question as a bubble, then what answer it expects and where it is saved. */
export const botQuestionEditor: NodeEditor<BotQuestionConfig> = {
  Body: ({ config }) => {
    const p = config.prompt;
    const text = p.kind === 'none' ? 'Listens to the reply to the previous message' : p.kind === 'text' ? p.text : p.body;
    const save = config.saveTo ? ` → ${config.saveTo.scope}.${config.saveTo.name}` : '';
    return (
      <div>
        <div className={p.kind === 'none' ? 'tn-muted' : 'tn-bubble'}>
          <p className="tn-bubble-text">{text.length > 120 ? `${text.slice(0, 120)}…` : text}</p>
        </div>
        <p className="tn-muted">{`Expects ${effectiveAnswerType(config)}${save}`}</p>
      </div>
    );
  },
};
