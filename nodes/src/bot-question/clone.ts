import type { NodeClone } from '../nodeClone';
import { renameSaveTarget, savedAttribute } from '../common/saveTarget';

/** The answer may be saved to a contact attribute. */
export const botQuestionClone: NodeClone = {
  refs: (data) => {
    const name = savedAttribute(data.saveTo);
    return name ? { attributes: [name] } : {};
  },
  remap: (data, mapping) => ('saveTo' in data ? { ...data, saveTo: renameSaveTarget(data.saveTo, mapping.attributes) } : data),
};
