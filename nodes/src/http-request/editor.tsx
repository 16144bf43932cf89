import type { NodeEditor } from '../editors';
import type { HttpRequestConfig } from './definition';

/** Method chip and URL. */
export const httpRequestEditor: NodeEditor<HttpRequestConfig> = {
  Body: ({ config }) => (
    <p className="tn-summary">
      <span className="tn-chip">{config.method}</span> <code className="tn-code">{config.url}</code>
    </p>
  ),
};
