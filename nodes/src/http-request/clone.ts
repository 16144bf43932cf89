import type { NodeClone } from '../nodeClone';
import { renameSaveTarget } from '../common/saveTarget';

/**
 * Response fields may be saved to contact attributes. The preview does not list them (as before the
 * hook existed); a clone renames them with the rest of the mapping.
 */
export const httpRequestClone: NodeClone = {
  refs: () => ({}),
  remap: (data, mapping) =>
    Array.isArray(data.responseMapping)
      ? {
          ...data,
          responseMapping: (data.responseMapping as { saveTo: unknown }[]).map((m) => ({ ...m, saveTo: renameSaveTarget(m.saveTo, mapping.attributes) })),
        }
      : data,
};
