import type { NodeClone } from '../nodeClone';

type SavedOperation = { target: string; name: string };

const operationsOf = (data: Record<string, unknown>) => (Array.isArray(data.operations) ? (data.operations as SavedOperation[]) : undefined);

/** Operations on the contact name the attribute they write. */
export const setAttributeClone: NodeClone = {
  refs: (data) => ({ attributes: (operationsOf(data) ?? []).filter((op) => op.target === 'contact').map((op) => op.name) }),
  remap: (data, mapping) => {
    const operations = operationsOf(data);
    if (!operations) return data;
    return {
      ...data,
      operations: operations.map((op) => (op.target === 'contact' && mapping.attributes[op.name] ? { ...op, name: mapping.attributes[op.name] } : op)),
    };
  },
};
