/**
 * Counts failed attempts per key (a user id) in a sliding window: after `max` failures within
 * `windowMs`, `blocked` says how long to wait. Kept in this process's memory: each web process
 * counts on its own, which still bounds guessing to `max` tries per window per process.
 */
const SWEEP_ABOVE = 10_000;

export class AttemptLimiter {
  readonly #failures = new Map<string, number[]>();

  constructor(
    private readonly max: number,
    private readonly windowMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** Milliseconds until the key may try again; 0 when it may now. */
  blocked(key: string): number {
    const recent = this.#recent(key);
    if (recent.length < this.max) return 0;
    return recent[recent.length - this.max]! + this.windowMs - this.now();
  }

  fail(key: string): void {
    this.#failures.set(key, [...this.#recent(key), this.now()]);
    // Keys nobody tries again would stay: past a size, the ones whose failures all expired go.
    if (this.#failures.size > SWEEP_ABOVE) for (const k of [...this.#failures.keys()]) this.#recent(k);
  }

  /** A success forgets the key's failures. */
  succeed(key: string): void {
    this.#failures.delete(key);
  }

  #recent(key: string): number[] {
    const since = this.now() - this.windowMs;
    const kept = (this.#failures.get(key) ?? []).filter((at) => at > since);
    if (kept.length === 0) this.#failures.delete(key);
    else this.#failures.set(key, kept);
    return kept;
  }
}
