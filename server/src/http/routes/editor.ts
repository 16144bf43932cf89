import { existsSync, readFileSync } from 'node:fs';
import { join, normalize, extname } from 'node:path';
import type { Hono } from 'hono';
import type { AppContext } from '../appContext';
import type { AppEnv } from '../app';

const types: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ttf': 'font/ttf',
  '.woff2': 'font/woff2',
  '.wasm': 'application/wasm',
};

/** Serves the built editor (a single-page app): files when they exist, `index.html` otherwise. */
export function editorRoutes(app: Hono<AppEnv>, ctx: AppContext): void {
  const dir = ctx.editorDir;
  if (!dir || !existsSync(join(dir, 'index.html'))) {
    app.get('/', (c) => c.text('Tandem is running. The editor is not built: run `npx -y pnpm@10 --filter @tandem/editor build`. API: /api/openapi.json', 200));
    return;
  }
  const index = readFileSync(join(dir, 'index.html'));
  app.get('*', (c) => {
    const path = normalize(decodeURIComponent(new URL(c.req.url).pathname)).replace(/^(\.\.[/\\])+/, '');
    const file = join(dir, path);
    if (file.startsWith(dir) && path !== '/' && existsSync(file) && !file.endsWith('/')) {
      try {
        const body = readFileSync(file);
        return c.body(body, 200, {
          'Content-Type': types[extname(file)] ?? 'application/octet-stream',
          'Cache-Control': path.startsWith('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache',
        });
      } catch {
        // a directory: fall through to the app
      }
    }
    return c.body(index, 200, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-cache' });
  });
}
