import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';

export default defineConfig({
  plugins: [react()],
  test: {
    name: 'editor',
    environment: 'happy-dom',
    include: ['src/**/*.test.{ts,tsx}', 'test/**/*.test.{ts,tsx}', ...(process.env.TANDEM_GATE_CANARY ? ['../.ci/gate.canary.ts'] : [])],
    // The browser tests are their own project (vitest.browser.config.ts).
    exclude: ['test/browser/**', '**/node_modules/**'],
    setupFiles: ['test/setup.ts'],
  },
});
