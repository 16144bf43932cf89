import { defineRuntime } from '../defineRuntime';
import type { EndConfig } from './definition';

export const endRuntime = defineRuntime<EndConfig>({
  endReason: 'end',
  outcome: (c) => c.outcome || undefined,
});
