import { defineConfig } from 'vitest/config';

// The browser tests: each file starts the real product and a Chromium. They run one file at a
// time, after the other projects, so a 2-core machine is not asked to drive several products and
// browsers at once while the unit and server tests run (their timing would then be the machine's).
export default defineConfig({
  test: {
    name: 'editor-browser',
    environment: 'node',
    include: ['test/browser/**/*.test.ts', ...(process.env.TANDEM_GATE_CANARY ? ['../.ci/gate.canary.ts'] : [])],
    fileParallelism: false,
    sequence: { groupOrder: 1 },
    testTimeout: 120_000,
    hookTimeout: 180_000,
  },
});
