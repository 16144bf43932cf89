import type { NodeEditor } from '../editors';
import type { ConditionConfig } from './definition';

/** Each branch's condition, in the order they are checked. */
export const conditionEditor: NodeEditor<ConditionConfig> = {
  Body: ({ config }) => (
    <ol className="tn-list">
      {config.branches.map((b) => (
        <li key={b.id}>
          <code className="tn-code">{b.expression}</code>
        </li>
      ))}
    </ol>
  ),
};
