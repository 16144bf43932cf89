import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// Relative asset paths: the server serves dist/ under any base path. In development (`pnpm dev`)
// the API is proxied to a running server (TANDEM_SERVER, default the one `pnpm start` runs).
export default defineConfig({
  base: './',
  plugins: [react()],
  build: { outDir: 'dist', emptyOutDir: true, chunkSizeWarningLimit: 4_000 },
  worker: { format: 'es' },
  server: { proxy: { '/api': process.env.TANDEM_SERVER ?? 'http://127.0.0.1:3000' } },
});
