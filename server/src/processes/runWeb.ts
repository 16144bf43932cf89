import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createServer, type Server } from 'node:http';
import type { Logger } from 'pino';
import type { Env } from '../config/env';
import type { Booted } from './bootstrap';
import { createWebListener } from '../http/webListener';

const editorDist = fileURLToPath(new URL('../../../editor/dist', import.meta.url));

export interface RunningWeb {
  url: string;
  stop(): Promise<void>;
}

/** Serves webhooks, the API and the editor on one port. */
export async function runWeb(env: Env, booted: Booted, logger: Logger): Promise<RunningWeb> {
  const { listener } = createWebListener({
    database: booted.database,
    secrets: booted.secrets,
    env,
    logger,
    ...(existsSync(editorDist) ? { editorDir: editorDist } : {}),
    ready: async () => {
      const r = await booted.database.pool.query(`SELECT count(*)::int AS n FROM timer_schedule`);
      return r.rows[0]?.n === 1;
    },
  });
  const server: Server = await new Promise((resolve, reject) => {
    const s = createServer(listener);
    s.listen(env.PORT, env.HOST, () => resolve(s));
    s.once('error', (error: NodeJS.ErrnoException) =>
      reject(
        new Error(
          error.code === 'EADDRINUSE'
            ? `port ${env.PORT} on ${env.HOST} is already in use (set PORT)`
            : `cannot listen on ${env.HOST}:${env.PORT}: ${error.message}`,
        ),
      ),
    );
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : env.PORT;
  const url = `http://${env.HOST === '0.0.0.0' ? 'localhost' : env.HOST}:${port}`;
  logger.info({ url }, 'web server listening');
  return {
    url,
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
