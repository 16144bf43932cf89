import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { startEmbeddedPostgres } from '../../src/db/embeddedPostgres';
import { migrateDatabase, openDatabase } from '../../src/db/database';
import { freePort } from './processes';

/**
 * One real Postgres for the whole test run (embedded, or TEST_DATABASE_URL's server), with a migrated
 * template database; every test file clones its own database from it.
 */
export default async function setup(project: TestProject) {
  let adminUrl: string;
  let stop = async () => {};
  const external = process.env.TEST_DATABASE_URL;
  const dir = mkdtempSync(join(tmpdir(), 'tandem-test-pg-'));
  chmodSync(dir, 0o755);
  if (external) {
    adminUrl = external;
  } else {
    const port = await freePort();
    const embedded = await startEmbeddedPostgres(dir, port, 'postgres');
    adminUrl = embedded.url;
    stop = embedded.stop;
  }
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query('DROP DATABASE IF EXISTS tandem_template');
  await admin.query('CREATE DATABASE tandem_template');
  await admin.end();
  const templateUrl = withDatabase(adminUrl, 'tandem_template');
  const db = openDatabase(templateUrl, 2);
  await migrateDatabase(db);
  await db.close();
  project.provide('pgAdminUrl', adminUrl);
  return async () => {
    await stop();
    rmSync(dir, { recursive: true, force: true });
  };
}

export function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

declare module 'vitest' {
  export interface ProvidedContext {
    pgAdminUrl: string;
  }
}
