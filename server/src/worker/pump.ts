import type pg from 'pg';
import type { EngineLogger } from '@tandem/engine/tasks';

/** One round of a loop's work: whether more is waiting now, or when the next work is due. */
export interface Drained {
  more: boolean;
  /** Wall-clock time the next waiting row is due (a held send); undefined: nothing known. */
  nextAt?: Date | undefined;
}

export interface PumpOptions {
  name: string;
  pool: pg.Pool;
  /** NOTIFY channel that says new rows wait. */
  channel: string;
  /** Loops of this process working the table side by side (rows are claimed with SKIP LOCKED). */
  loops: number;
  drain(): Promise<Drained>;
  logger: EngineLogger;
  /** Looks anyway this often when no notification came (a lost NOTIFY, a row due later); default 30 s. */
  recheckMs?: number;
  /**
   * After a notification wakes an idle loop, it waits this long before it claims, so rows arriving
   * one by one are worked in batches instead of one transaction each (default 0: at once).
   */
  gatherMs?: number;
}

/** The shortest wait for a row due later (or held by another loop) when no notification comes. */
const MIN_WAIT_MS = 50;

export interface Pump {
  /** Lets the loops finish the batch in hand, then stops them and the listener. */
  stop(): Promise<void>;
}

/**
 * Loops that work a table of durable rows (the outbox, the webhook inbox) in batches. The rows
 * are the only record: a loop that dies loses nothing, another claims them. Idle loops sleep on
 * LISTEN until a commit notifies the channel or the next known row is due, with a slow recheck.
 */
export async function startPump(o: PumpOptions): Promise<Pump> {
  const listener = await o.pool.connect();
  let stopping = false;
  /** Grows with every notification: a loop that saw it change while it worked looks again at once. */
  let generation = 0;
  /** Sleeping loops, and whether a notification wakes them (a loop backing off after a failure waits for stop only). */
  const sleepers = new Map<() => void, boolean>();
  const wakeAll = (notification: boolean) => {
    for (const [wake, byNotification] of [...sleepers]) if (byNotification || !notification) wake();
  };
  /** When the loop asleep until a row is due wakes (undefined: none is). */
  let dueWaker: number | undefined;
  /** Wakes one loop asleep until notified (one that waits out a failure is left alone). */
  const wakeOne = () => {
    for (const [wake, byNotification] of sleepers)
      if (byNotification) {
        wake();
        return;
      }
  };
  const onNotification = () => {
    generation++;
    wakeAll(true);
  };
  listener.on('notification', onNotification);
  await listener.query(`LISTEN ${o.channel}`).catch((error: unknown) => {
    // A connection that cannot listen goes back broken (the pool closes it), not kept checked out.
    listener.release(error instanceof Error ? error : true);
    throw error;
  });
  const recheckMs = o.recheckMs ?? 30_000;

  /** Sleeps `ms`, or less: until stopped, or (given the generation seen) until the next notification. */
  const sleep = (ms: number, seen?: number) =>
    new Promise<void>((resolve) => {
      if ((seen !== undefined && generation !== seen) || stopping) return resolve();
      const done = () => {
        clearTimeout(timer);
        sleepers.delete(done);
        resolve();
      };
      const timer = setTimeout(done, ms);
      sleepers.set(done, seen !== undefined);
    });

  const loop = async () => {
    let failures = 0;
    while (!stopping) {
      const seen = generation;
      let next: Drained;
      try {
        next = await o.drain();
        failures = 0;
      } catch (error) {
        failures++;
        o.logger.error({ pump: o.name, error: error instanceof Error ? error.message : String(error) }, 'batch failed; trying again');
        // Backs off so a database outage is not hammered; the rows stay where they were.
        await sleep(Math.min(30_000, 200 * 2 ** Math.min(failures, 8)));
        continue;
      }
      if (next.more) {
        // More is waiting than one batch: a sleeping loop helps with it now.
        wakeOne();
        continue;
      }
      // A row due already but not claimed is held by another loop: look again a little later, not at
      // once (two loops would otherwise spin on each other's batch); a notification still wakes it.
      const dueAt = next.nextAt ? Date.now() + Math.max(MIN_WAIT_MS, next.nextAt.getTime() - Date.now()) : Infinity;
      // One loop wakes for a due row (the rows due then are one batch, not one per loop); the others
      // sleep until notified, or until that loop finds more than one batch waiting.
      if (dueAt < Date.now() + recheckMs && !(dueWaker !== undefined && dueWaker <= dueAt + MIN_WAIT_MS)) {
        dueWaker = dueAt;
        await sleep(dueAt - Date.now(), seen);
        if (dueWaker === dueAt) dueWaker = undefined;
      } else await sleep(recheckMs, seen);
      if (o.gatherMs && generation !== seen) await sleep(o.gatherMs);
    }
  };
  const loops = Array.from({ length: o.loops }, loop);

  return {
    async stop() {
      stopping = true;
      wakeAll(false);
      await Promise.all(loops);
      listener.off('notification', onNotification);
      await listener.query(`UNLISTEN ${o.channel}`).catch(() => {});
      listener.release();
    },
  };
}
