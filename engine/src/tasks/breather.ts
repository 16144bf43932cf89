import { performance } from 'node:perf_hooks';
import { setImmediate as nextTurn } from 'node:timers/promises';

/** A batch's share of the event loop before it lets other work (HTTP requests, other batches) run. */
const SLICE_MS = 4;

/**
 * Lets a long batch give the event loop back now and then. Stepping a batch of contacts is a long
 * chain of promises that never waits for I/O (writes are held until the commit), so without a
 * pause the process could not answer a webhook until the whole batch was stepped.
 */
export class Breather {
  private since = performance.now();

  /** Yields to the event loop when this batch has held it for a slice. */
  async breathe(): Promise<void> {
    if (performance.now() - this.since < SLICE_MS) return;
    await nextTurn();
    this.since = performance.now();
  }
}
