import type { Task } from 'graphile-worker';
import type { z } from 'zod';

/**
 * A graphile-worker job declared once: its name, the schema its payload is parsed with, and the
 * options every enqueue of it uses. The server builds its enqueue statements from it and the task list
 * registers its handler from it, so the two cannot drift apart. Queued jobs outlive deploys:
 * never rename a job or change its payload in a way old payloads no longer parse.
 */
export function defineJob<const N extends string, S extends z.ZodType<object>>(name: N, payload: S, options: JobOptions<z.input<S>> = {}): Job<N, S> {
  return {
    name,
    payload,
    options,
    // A payload that does not parse is a bug: the zod error fails the job like any other throw.
    handle: (handler) => [
      name,
      async (raw, helpers) => {
        await handler(payload.parse(raw), { id: helpers.job.id });
      },
    ],
  };
}

export interface Job<N extends string = string, S extends z.ZodType<object> = z.ZodType<object>> {
  readonly name: N;
  readonly payload: S;
  readonly options: JobOptions<z.input<S>>;
  /** The task list entry: the handler receives the parsed payload and the job's id. */
  handle(handler: (payload: z.output<S>, job: { id: string }) => Promise<unknown>): [N, Task];
}

interface JobOptions<P> {
  maxAttempts?: number;
  /** Lower runs first; graphile-worker's default is 0. */
  priority?: number;
  /** Jobs of one queue run one at a time, in order. */
  queue?: string;
  jobKey?: JobKey<P>;
}

/**
 * graphile-worker's `job_key`: a second job with the same key replaces the queued one (or, by
 * `mode`, keeps its run_at or is dropped). The key is `prefix`, followed by the payload's `field`
 * when one is named.
 */
interface JobKey<P> {
  prefix: string;
  field?: keyof P & string;
  mode?: 'replace' | 'preserve_run_at' | 'unsafe_dedupe';
}
