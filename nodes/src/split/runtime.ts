import { defineRuntime } from '../defineRuntime';
import type { SplitConfig } from './definition';

export const splitRuntime = defineRuntime<SplitConfig>({
  variant(c, bucket) {
    let upTo = 0;
    for (const v of c.variants) {
      upTo += v.weight;
      if (bucket < upTo) return v.id;
    }
    return c.variants[c.variants.length - 1]!.id;
  },
});
