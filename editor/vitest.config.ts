import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';

export default defineConfig({
  plugins: [react()],
  test: {
    name: 'editor',
    environment: 'happy-dom',
    include: ['src/**/*.test.{ts,tsx}', 'test/**/*.test.{ts,tsx}', ...(process.env.TANDEM_GATE_CANARY ? ['../.ci/gate.canary.ts'] : [])],
    setupFiles: ['test/setup.ts'],
  },
});
