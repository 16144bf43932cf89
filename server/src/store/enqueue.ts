import { sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { Job } from '@tandem/engine/tasks';
import type { Db } from '../db/database';

/** A pool or a transaction's client (pg), or drizzle (a database or a transaction). */
type Queryable = { query(text: string, params: unknown[]): Promise<unknown> } | Pick<Db, 'execute'>;

/**
 * Queues one job with a payload built in TypeScript, in `db`'s transaction when it is one. The
 * name and the options come from the job's declaration.
 */
export async function enqueue<S extends z.ZodType<object>>(
  db: Queryable,
  job: Job<string, S>,
  payload: z.input<S>,
  options: { runAt?: Date } = {},
): Promise<void> {
  const key = job.options.jobKey?.field;
  const values = { payload: JSON.stringify(payload), runAt: options.runAt, keyPart: key === undefined ? undefined : String(payload[key]) };
  if ('execute' in db) {
    const call = addJobCall(job, {
      payload: sql`${values.payload}::json`,
      runAt: values.runAt && sql`${values.runAt}::timestamptz`,
      keyPart: values.keyPart === undefined ? undefined : sql`${values.keyPart}::text`,
    });
    await db.execute(sql.join([sql.raw('SELECT '), ...call.map((part) => (typeof part === 'string' ? sql.raw(part) : part))]));
    return;
  }
  const params: unknown[] = [];
  const param = (value: unknown, cast: string) => {
    params.push(value);
    return `$${params.length}::${cast}`;
  };
  const call = addJobCall(job, {
    payload: param(values.payload, 'json'),
    runAt: values.runAt && param(values.runAt, 'timestamptz'),
    keyPart: values.keyPart === undefined ? undefined : param(values.keyPart, 'text'),
  });
  await db.query(`SELECT ${call.join('')}`, params);
}

/**
 * The `graphile_worker.add_job(…)` call for a statement that builds the payload itself, from a
 * CTE, `unnest` or a table: it queues one job per row, in that one statement. Each payload field
 * is given as its SQL expression; the name, the options and the key (from the key's field) come
 * from the declaration.
 */
export function addJobSql<S extends z.ZodType<object>>(
  job: Job<string, S>,
  payload: { [K in keyof z.input<S>]: string },
  /** `unkeyed`: skip the declared key, for a job that cannot meet a queued twin (its row is new). */
  options: { runAt?: string; unkeyed?: true } = {},
): string {
  const fields: [string, string | undefined][] = Object.entries(payload);
  const json = fields.length ? `json_build_object(${fields.map(([name, value]) => `${literal(name)}, ${value}`).join(', ')})` : `'{}'::json`;
  const key = job.options.jobKey?.field;
  return addJobCall(job, { payload: json, runAt: options.runAt, keyPart: key === undefined ? undefined : payload[key], unkeyed: options.unkeyed }).join('');
}

/**
 * One `graphile_worker.add_jobs(…)` call queueing a job per row of `from` (SQL after FROM, e.g.
 * `unnest($1::bigint[]) c`): one insert for all of them instead of one `add_job` per row, which
 * costs far more per job once many are queued. For jobs without a key (a keyed job goes through
 * `addJobSql`, whose replace rules are per job).
 */
export function addJobsSql<S extends z.ZodType<object>>(job: Job<string, S>, payload: { [K in keyof z.input<S>]: string }, from: string): string {
  const o = job.options;
  if (o.jobKey) throw new Error(`job ${job.name} has a key: queue it with addJobSql`);
  const json = `json_build_object(${Object.entries<string>(payload)
    .map(([name, value]) => `${literal(name)}, ${value}`)
    .join(', ')})`;
  const spec = [
    literal(job.name),
    json,
    o.queue !== undefined ? literal(o.queue) : 'NULL',
    'NULL',
    o.maxAttempts !== undefined ? String(o.maxAttempts) : 'NULL',
    'NULL',
    o.priority !== undefined ? String(o.priority) : 'NULL',
    'NULL',
  ].join(', ');
  return `SELECT count(*)::int AS queued FROM graphile_worker.add_jobs(ARRAY(SELECT ROW(${spec})::graphile_worker.job_spec FROM ${from}))`;
}

/** The call as SQL text and the caller's expressions (text, or drizzle chunks with their parameters). */
function addJobCall<S extends z.ZodType<object>, E>(
  job: Job<string, S>,
  a: { payload: E; runAt?: E | undefined; keyPart?: E | undefined; unkeyed?: true | undefined },
): (string | E)[] {
  const o = job.options;
  const parts: (string | E)[] = [`graphile_worker.add_job(${literal(job.name)}, `, a.payload];
  if (a.runAt !== undefined) parts.push(', run_at := ', a.runAt);
  if (o.maxAttempts !== undefined) parts.push(`, max_attempts := ${o.maxAttempts}`);
  if (o.priority !== undefined) parts.push(`, priority := ${o.priority}`);
  if (o.queue !== undefined) parts.push(`, queue_name := ${literal(o.queue)}`);
  if (o.jobKey && !a.unkeyed) {
    parts.push(`, job_key := ${literal(o.jobKey.prefix)}`);
    if (o.jobKey.field !== undefined) {
      if (a.keyPart === undefined) throw new Error(`job ${job.name}: the key's field ${o.jobKey.field} has no value`);
      parts.push(' || ', a.keyPart);
    }
    if (o.jobKey.mode) parts.push(`, job_key_mode := ${literal(o.jobKey.mode)}`);
  }
  parts.push(')');
  return parts;
}

/** Names and options are constants of the declarations; quoted all the same. */
function literal(text: string): string {
  return `'${text.replaceAll("'", "''")}'`;
}
