import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: { name: 'nodes', include: ['src/**/*.test.ts', 'test/**/*.test.ts', ...(process.env.TANDEM_GATE_CANARY ? ['../.ci/gate.canary.ts'] : [])] },
});
