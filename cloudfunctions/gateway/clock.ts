/** The gateway's clock. Local mode can move it (`POST /api/dev/clock`) so a person can try expiry. */
export class Clock {
  private offsetMs = 0;

  now(): Date {
    return new Date(Date.now() + this.offsetMs);
  }

  /** Sets "now" to `at` (time keeps running from there); null goes back to real time. */
  set(at: Date | null): void {
    this.offsetMs = at ? at.getTime() - Date.now() : 0;
  }
}
