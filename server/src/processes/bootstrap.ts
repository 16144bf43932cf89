import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Env } from '../config/env';
import { migrateDatabase, openDatabase, type Database } from '../db/database';
import { startEmbeddedPostgres } from '../db/embeddedPostgres';
import { SecretBox, generateKey } from '../security/secretBox';

export interface Booted {
  database: Database;
  secrets: SecretBox;
  embedded: boolean;
  shutdown(): Promise<void>;
}

/**
 * Opens the database (DATABASE_URL, or the embedded Postgres under TANDEM_DATA_DIR) with its
 * connections named `tandem-<role>` in pg_stat_activity (start, web or worker), runs migrations,
 * and loads the secret key (TANDEM_SECRET_KEY, or one generated once into the data folder for a
 * local install).
 */
export async function bootstrap(env: Env, log: (message: string) => void, role = 'start'): Promise<Booted> {
  let url = env.DATABASE_URL;
  let stopEmbedded = async () => {};
  if (!url) {
    log(`starting the embedded Postgres in ${resolve(env.TANDEM_DATA_DIR, 'pg')} (port ${env.TANDEM_PG_PORT})`);
    const embedded = await startEmbeddedPostgres(env.TANDEM_DATA_DIR, env.TANDEM_PG_PORT);
    url = embedded.url;
    stopEmbedded = embedded.stop;
  }
  const database = openDatabase(url, 30, `tandem-${role}`);
  try {
    await migrateDatabase(database);
  } catch (error) {
    await database.close();
    await stopEmbedded();
    throw error;
  }
  return {
    database,
    secrets: new SecretBox(env.TANDEM_SECRET_KEY ?? localKey(env.TANDEM_DATA_DIR, log)),
    embedded: !env.DATABASE_URL,
    async shutdown() {
      await database.close();
      await stopEmbedded();
    },
  };
}

function localKey(dataDir: string, log: (message: string) => void): string {
  const file = join(resolve(dataDir), 'secret.key');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(resolve(dataDir), { recursive: true });
  writeFileSync(file, generateKey(), { mode: 0o600 });
  log(`generated a secret key in ${file}; set TANDEM_SECRET_KEY in production`);
  return readFileSync(file, 'utf8').trim();
}
