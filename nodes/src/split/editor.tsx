import type { NodeEditor } from '../editors';
import type { SplitConfig } from './definition';

/** The variants' weights as one proportional bar. */
export const splitEditor: NodeEditor<SplitConfig> = {
  Body: ({ config }) => (
    <div className="tn-split-bar">
      {config.variants.map((v) => (
        <span key={v.id} style={{ flexGrow: Math.max(v.weight, 1) }} title={`${v.label} ${v.weight}%`}>
          {`${v.label} ${v.weight}%`}
        </span>
      ))}
    </div>
  ),
};
