import { spawn, type ChildProcess } from 'node:child_process';
import { chmod, mkdir, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { createApiClient, endpoints, type ApiClient } from '@tandem/shared/api';

const editorDir = join(import.meta.dirname, '..', '..');
const serverDir = join(editorDir, '..', 'server');

export interface RunningTandem {
  url: string;
  email: string;
  password: string;
  /** What the server printed (shown when a test fails). */
  output(): string;
  stop(): Promise<void>;
}

/**
 * Builds the editor into `editor/dist`, which the server serves at `/`: once per test run, however
 * many browser test files ask (the first builds under a lock; the others wait and reuse it).
 */
export async function buildEditor(): Promise<void> {
  const tmp = join(editorDir, '.tmp');
  await mkdir(tmp, { recursive: true });
  const stamp = join(tmp, 'browser-build.stamp');
  // Test files run in workers forked by one vitest process: its pid names the run.
  const runKey = String(process.ppid);
  const built = async () => (await readFile(stamp, 'utf8').catch(() => '')) === runKey;
  if (await built()) return;
  const lock = join(tmp, 'browser-build.lock');
  for (;;) {
    try {
      await mkdir(lock);
      break;
    } catch {
      // Another file is building: wait for it, then reuse its build. A lock left by a killed run goes stale after 3 minutes.
      const age =
        Date.now() -
        (await stat(lock)
          .then((s) => s.mtimeMs)
          .catch(() => Date.now()));
      if (age > 180_000) await rm(lock, { recursive: true, force: true });
      await new Promise((r) => setTimeout(r, 250));
    }
  }
  try {
    if (await built()) return;
    const vite = join(dirname(createRequire(join(editorDir, 'package.json')).resolve('vite/package.json')), 'bin', 'vite.js');
    const { code, output } = await run(process.execPath, [vite, 'build', '--logLevel', 'warn'], editorDir);
    if (code !== 0) throw new Error(`The editor build failed:\n${output}`);
    await writeFile(stamp, runKey);
  } finally {
    await rm(lock, { recursive: true, force: true });
  }
}

/**
 * Starts the real product as `npx pnpm start` would (web + worker + embedded Postgres), on free
 * ports with a temporary data directory and a known admin login; resolves once it is ready. `env`
 * adds settings (e.g. WHATSAPP_API_BASE_URL pointing at a Cloud API stand-in).
 */
export async function startTandem(options: { env?: Record<string, string> } = {}): Promise<RunningTandem> {
  const dataDir = await mkdtemp(join(tmpdir(), 'tandem-browser-'));
  // Run as root, the embedded Postgres initialises its data as another user, who must reach it.
  await chmod(dataDir, 0o755);
  const [port, pgPort] = [await freePort(), await freePort()];
  const email = 'admin@tandem.test';
  const password = 'browser-test-password';
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts', 'start'], {
    cwd: serverDir,
    env: {
      ...process.env,
      // Its own embedded Postgres, whatever database the shell running the tests points at.
      DATABASE_URL: '',
      TANDEM_SECRET_KEY: '',
      TANDEM_DATA_DIR: dataDir,
      TANDEM_PG_PORT: String(pgPort),
      PORT: String(port),
      HOST: '127.0.0.1',
      TANDEM_ADMIN_EMAIL: email,
      TANDEM_ADMIN_PASSWORD: password,
      LOG_LEVEL: 'warn',
      ...options.env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const lines: string[] = [];
  const keep = (chunk: Buffer) => {
    lines.push(...chunk.toString('utf8').split('\n').filter(Boolean));
    if (lines.length > 400) lines.splice(0, lines.length - 400);
  };
  child.stdout!.on('data', keep);
  child.stderr!.on('data', keep);
  const url = `http://127.0.0.1:${port}`;
  const stop = async () => {
    await stopProcess(child);
    await rm(dataDir, { recursive: true, force: true });
  };
  try {
    await waitUntilReady(url, child, () => lines.join('\n'));
  } catch (error) {
    await stop();
    throw error;
  }
  return { url, email, password, output: () => lines.join('\n'), stop };
}

/** A typed API client logged in as `email` (the session cookie and CSRF token kept), for test set-up. */
export async function apiAs(url: string, email: string, password: string): Promise<ApiClient> {
  let cookie = '';
  let csrf = '';
  const call = createApiClient({
    baseUrl: url,
    headers: (): Record<string, string> => ({ ...(cookie ? { Cookie: cookie } : {}), ...(csrf ? { 'X-CSRF-Token': csrf } : {}) }),
    fetch: async (input, init) => {
      const response = await fetch(input, init);
      const set = response.headers.getSetCookie();
      if (set.length) cookie = set.map((c) => c.split(';')[0]).join('; ');
      return response;
    },
  });
  csrf = (await call(endpoints.login, { body: { email, password } })).csrfToken;
  return call;
}

/**
 * Resolves when the server says it is running at `url` (it prints that once it listens) and its
 * readiness check agrees; fails as soon as it exits, or after two minutes.
 */
async function waitUntilReady(url: string, child: ChildProcess, output: () => string): Promise<void> {
  const banner = `Tandem is running at ${url}`;
  await new Promise<void>((resolve, reject) => {
    let seen = '';
    const onData = (chunk: Buffer) => {
      // Keep the tail only: the banner may be split across chunks.
      seen = (seen + chunk.toString('utf8')).slice(-4_096);
      if (seen.includes(banner)) done(resolve);
    };
    const onExit = (code: number | null, signal: NodeJS.Signals | null) =>
      done(() => reject(new Error(`The server exited with ${code ?? signal} before it was ready:\n${output()}`)));
    const deadline = setTimeout(() => done(() => reject(new Error(`The server did not say it was running in 120 s:\n${output()}`))), 120_000);
    const done = (finish: () => void) => {
      clearTimeout(deadline);
      child.stdout!.off('data', onData);
      child.off('exit', onExit);
      finish();
    };
    child.stdout!.on('data', onData);
    child.once('exit', onExit);
    if (child.exitCode !== null || child.signalCode !== null) onExit(child.exitCode, child.signalCode);
  });
  const r = await fetch(`${url}/readyz`);
  if (!r.ok) throw new Error(`The server is running but not ready (${r.status} ${await r.text()}):\n${output()}`);
}

function stopProcess(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    const kill = setTimeout(() => child.kill('SIGKILL'), 15_000);
    child.once('exit', () => {
      clearTimeout(kill);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

function run(command: string, args: string[], cwd: string): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout!.on('data', (c: Buffer) => (output += c.toString('utf8')));
    child.stderr!.on('data', (c: Buffer) => (output += c.toString('utf8')));
    child.once('error', reject);
    child.once('exit', (code) => resolve({ code, output }));
  });
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const address = s.address();
      s.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}
