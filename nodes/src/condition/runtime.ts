import { defineRuntime } from '../defineRuntime';
import type { ConditionConfig } from './definition';

export const conditionRuntime = defineRuntime<ConditionConfig>({
  branch(c, branchId, scope, caps) {
    const branch = c.branches.find((b) => b.id === branchId);
    if (!branch) return false;
    try {
      return caps.evaluate(branch.expression, scope) === true;
    } catch {
      return false;
    }
  },
});
