/**
 * The bundle's timers on a clock the test moves. `setTimeout(fn, 0)` (React's scheduler, Taro's
 * `nextTick` and its `setData` batching) runs when the harness settles; longer delays (NutUI's
 * animations, a page's polling, the swiper's autoplay) run only when the test advances the clock.
 * Date stays real: the server and the page agree on today.
 */
export class FakeTimers {
  now = 0;
  private seq = 0;
  private readonly queue = new Map<number, { at: number; fn: () => void; every?: number }>();
  /** Errors thrown by timer callbacks (a page crashing); the harness fails the step that caused them. */
  readonly errors: unknown[] = [];

  setTimeout = (fn: (...args: unknown[]) => void, ms?: number, ...args: unknown[]): number => {
    const id = ++this.seq;
    this.queue.set(id, { at: this.now + Math.max(0, Number(ms) || 0), fn: () => fn(...args) });
    return id;
  };
  setInterval = (fn: (...args: unknown[]) => void, ms?: number, ...args: unknown[]): number => {
    const id = ++this.seq;
    const every = Math.max(1, Number(ms) || 0);
    this.queue.set(id, { at: this.now + every, fn: () => fn(...args), every });
    return id;
  };
  clearTimeout = (id?: number): void => {
    if (id !== undefined) this.queue.delete(id);
  };
  clearInterval = this.clearTimeout;

  /** The earliest pending timer's time, if any. */
  nextAt(): number | undefined {
    let next: number | undefined;
    for (const t of this.queue.values()) if (next === undefined || t.at < next) next = t.at;
    return next;
  }

  /** Whether a timer is due now. */
  hasDue(): boolean {
    const next = this.nextAt();
    return next !== undefined && next <= this.now;
  }

  /** Runs the timers due now, oldest first (one pass: timers they schedule for now wait for the next). */
  runDue(): number {
    const due = [...this.queue.entries()]
      .filter(([, t]) => t.at <= this.now)
      .sort((a, b) => a[1].at - b[1].at || a[0] - b[0]);
    for (const [id, timer] of due) {
      if (!this.queue.has(id)) continue;
      if (timer.every) timer.at = this.now + timer.every;
      else this.queue.delete(id);
      try {
        timer.fn();
      } catch (error) {
        this.errors.push(error);
      }
    }
    return due.length;
  }

  pending(): number {
    return this.queue.size;
  }
}
