import { readFileSync, readdirSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';

/** CPU seconds a process used: user + system, and with `children`, what its exited children used. */
export function processCpuSeconds(pid: number, children = false): number {
  try {
    // Fields after "(comm) ": state is [0]; utime [11], stime [12], cutime [13], cstime [14] in clock ticks.
    const f = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    const ticks = Number(f[11]) + Number(f[12]) + (children ? Number(f[13]) + Number(f[14]) : 0);
    return ticks / 100;
  } catch {
    return 0;
  }
}

/**
 * CPU seconds Postgres used so far: the postmaster with the backends it has reaped, plus the
 * backends still running (a pool keeps its connections, so most are).
 */
export function postgresCpuSeconds(dataDir: string): number {
  const postmaster = Number(readFileSync(join(dataDir, 'postmaster.pid'), 'utf8').split('\n')[0]);
  let total = processCpuSeconds(postmaster, true);
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const parent = Number(readFileSync(`/proc/${entry}/stat`, 'utf8').split(') ')[1]!.split(' ')[1]);
      if (parent === postmaster) total += processCpuSeconds(Number(entry));
    } catch {
      // The process ended while we looked.
    }
  }
  return total;
}

let roundTrips = 0;
/** With BENCH_QUERIES=1: how often each statement ran, by its first words. */
const byStatement = process.env.BENCH_QUERIES === '1' ? new Map<string, number>() : undefined;
const query = pg.Client.prototype.query as (...args: unknown[]) => unknown;
/** Counts every query any pg client of this process sends (Tandem's pools and graphile-worker's). */
pg.Client.prototype.query = function countedQuery(this: pg.Client, ...args: unknown[]) {
  roundTrips++;
  if (byStatement) {
    const first = args[0] as string | { text?: string } | undefined;
    const text = (typeof first === 'string' ? first : (first?.text ?? '?')).replace(/\s+/g, ' ').trim().slice(0, 90);
    byStatement.set(text, (byStatement.get(text) ?? 0) + 1);
  }
  return query.apply(this, args);
} as typeof pg.Client.prototype.query;

/** The statements that ran most per step since the window started, with BENCH_QUERIES=1. */
export function statementsPerStep(steps: number, top = 25): string[] {
  if (!byStatement) return [];
  const rows = [...byStatement.entries()].sort((a, b) => b[1] - a[1]).slice(0, top);
  return rows.map(([text, n]) => `${(n / steps).toFixed(2).padStart(6)}  ${text}`);
}

export interface Window {
  /** Node CPU ms, Postgres CPU ms and database round trips per step over the window, with the load average at its start. */
  end(steps: number): { nodeCpuMsPerStep: number; pgCpuMsPerStep: number; roundTripsPerStep: number; loadavg: string };
}

/** Starts measuring CPU (this process and Postgres) and round trips. */
export function startWindow(pgDataDir: string): Window {
  const load = loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');
  const node0 = process.cpuUsage();
  const pg0 = postgresCpuSeconds(pgDataDir);
  const rt0 = roundTrips;
  byStatement?.clear();
  return {
    end(steps) {
      const node = process.cpuUsage(node0);
      const pgSeconds = postgresCpuSeconds(pgDataDir) - pg0;
      return {
        nodeCpuMsPerStep: (node.user + node.system) / 1000 / steps,
        pgCpuMsPerStep: (pgSeconds * 1000) / steps,
        roundTripsPerStep: (roundTrips - rt0) / steps,
        loadavg: load,
      };
    },
  };
}
