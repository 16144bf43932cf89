import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// Relative asset paths: the server serves dist/ under any base path.
export default defineConfig({
  base: './',
  plugins: [react()],
  build: { outDir: 'dist', emptyOutDir: true, chunkSizeWarningLimit: 4_000 },
  worker: { format: 'es' },
});
