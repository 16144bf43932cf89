import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { drizzle, type NodePgDatabase } from 'drizzle-orm/node-postgres';
import { migrate } from 'drizzle-orm/node-postgres/migrator';
import { runMigrations } from 'graphile-worker';
import * as schema from './schema';

export type Db = NodePgDatabase<typeof schema>;

export interface Database {
  pool: pg.Pool;
  db: Db;
  close(): Promise<void>;
}

const migrationsFolder = fileURLToPath(new URL('../../../migrations', import.meta.url));

// bigint columns come back as numbers (ids stay far below 2^53).
pg.types.setTypeParser(20, (v) => Number(v));

export function openDatabase(url: string, max = 20, applicationName?: string): Database {
  // The connection's name in pg_stat_activity (which process of Tandem it serves); a name in the URL or PGAPPNAME wins.
  const named = applicationName && !/[?&]application_name=/.test(url) && !process.env.PGAPPNAME ? { application_name: applicationName } : {};
  const pool = new pg.Pool({ connectionString: url, max, ...named });
  // An idle client losing its connection must not crash the process; the pool replaces it.
  pool.on('error', () => {});
  pool.on('connect', (client) => client.on('error', () => {}));
  const db = drizzle(pool, { schema });
  return { pool, db, close: () => pool.end() };
}

/** Brings the database to the current schema: Tandem's tables, then graphile-worker's. */
export async function migrateDatabase(database: Database): Promise<void> {
  await migrate(database.db, { migrationsFolder });
  await runMigrations({ pgPool: database.pool });
  await database.pool.query(`INSERT INTO timer_schedule (id, next_at) VALUES (1, 'infinity') ON CONFLICT (id) DO NOTHING`);
}
