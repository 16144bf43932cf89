import type { NodeEditor } from '../editors';
import type { SendMessageConfig } from './definition';

/** A chat bubble: the text (or media), then its reply buttons or list button. */
export const sendMessageEditor: NodeEditor<SendMessageConfig> = {
  Body: ({ config }) => {
    const m = config.message;
    const text = m.kind === 'text' ? m.text : m.kind === 'media' ? `[${m.mediaType}] ${m.caption ?? ''}` : m.body;
    return (
      <div className="tn-bubble">
        <p className="tn-bubble-text">{text.length > 140 ? `${text.slice(0, 140)}…` : text}</p>
        {m.kind === 'buttons' && (
          <div className="tn-bubble-buttons">
            {m.buttons.map((b) => (
              <span key={b.id} className="tn-bubble-button">
                {b.title}
              </span>
            ))}
          </div>
        )}
        {m.kind === 'list' && (
          <div className="tn-bubble-buttons">
            <span className="tn-bubble-button">☰ {m.buttonLabel}</span>
          </div>
        )}
      </div>
    );
  },
};
