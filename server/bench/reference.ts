import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

/** What the naive reference (`../shared/perf-reference/bulk_bench.mjs`) prints on its RESULT line. */
export interface ReferenceResult {
  stepsPerSec: number;
  nodeCpuMsPerStep: number;
  pgCpuMsPerStep: number;
  roundTripsPerStep: number;
  loadavg: string;
}

/** Where the reference lives: `TANDEM_PERF_REFERENCE`, else `../shared/perf-reference` beside the checkout. */
export function referenceDir(repoRoot: string): string | undefined {
  const dir = process.env.TANDEM_PERF_REFERENCE ?? resolve(repoRoot, '..', 'shared', 'perf-reference');
  return existsSync(join(dir, 'bulk_bench.mjs')) ? dir : undefined;
}

/**
 * Runs the naive reference with the same contacts and concurrency, sends over HTTP like Tandem's.
 * It is copied to a temporary folder and installed with `npm ci` once per lockfile.
 */
export function runReference(dir: string, contacts: number, concurrency: number, port: number): ReferenceResult {
  const lock = readFileSync(join(dir, 'package-lock.json'));
  const copy = join(tmpdir(), `tandem-perf-reference-${createHash('sha256').update(lock).digest('hex').slice(0, 12)}`);
  if (!existsSync(join(copy, 'node_modules'))) {
    cpSync(dir, copy, { recursive: true, filter: (src) => !src.includes('node_modules') });
    const installed = spawnSync('npm', ['ci', '--no-audit', '--no-fund', '--loglevel=error'], { cwd: copy, stdio: 'inherit' });
    if (installed.status !== 0) throw new Error(`npm ci of the reference in ${copy} failed`);
  }
  // The reference is not ours to fix: a run that fails is said (its error, not the objects it dumps) and run once more.
  let failed = '';
  for (let attempt = 1; attempt <= 2; attempt++) {
    const ran = spawnSync(process.execPath, ['bulk_bench.mjs', String(contacts), String(concurrency)], {
      cwd: copy,
      env: { ...process.env, PGPORT: String(port), SEND: 'http', PGDATA_DIR: join(copy, `pg-${port}`) },
      encoding: 'utf8',
      maxBuffer: 16 * 1024 * 1024,
    });
    const line = ran.stdout.split('\n').find((l) => l.startsWith('RESULT '));
    if (ran.status === 0 && line) return JSON.parse(line.slice('RESULT '.length)) as ReferenceResult;
    const error = ran.stderr.split('\n').find((l) => /error/i.test(l)) ?? ran.stderr.slice(-300);
    failed = `the reference failed (exit ${ran.status}): ${error.trim().slice(0, 300)}`;
    if (attempt === 1) console.log(`naive reference: ${failed}; running it again`);
  }
  throw new Error(failed);
}
