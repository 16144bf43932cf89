import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';

const serverDir = join(import.meta.dirname, '..', '..');

/** Runs `tandem-server worker` as a real child process against the test database. */
export function spawnWorker(env: Record<string, string>): ChildProcess {
  return spawn(process.execPath, ['--import', 'tsx', 'src/main.ts', 'worker'], {
    cwd: serverDir,
    env: { ...process.env, LOG_LEVEL: process.env.TEST_WORKER_LOG ?? 'silent', ...env },
    stdio: ['ignore', process.env.TEST_WORKER_LOG ? 'inherit' : 'ignore', 'inherit'],
  });
}

export function exited(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => (child.exitCode !== null || child.signalCode !== null ? resolve() : child.once('exit', () => resolve())));
}
