// Time left for an entity, from the pace of the pages committed so far (pure).

export class EtaEstimator {
  private msPerPage: number | undefined;
  private last: number;

  constructor(
    start: number,
    /** Weight of the newest page in the moving average. */
    private readonly alpha = 0.3,
  ) {
    this.last = start;
  }

  /** Records a committed page at `now`; returns the estimate for `pagesLeft` more. */
  page(now: number, pagesLeft: number | undefined): number | undefined {
    const took = Math.max(0, now - this.last);
    this.last = now;
    this.msPerPage = this.msPerPage === undefined ? took : this.alpha * took + (1 - this.alpha) * this.msPerPage;
    return pagesLeft === undefined ? undefined : Math.round(Math.max(0, pagesLeft) * this.msPerPage);
  }
}

/**
 * The benchmark's floor: the time Xero's per-minute limit allows for `calls` calls at its steady rate
 * (calls ÷ calls per minute), as the issue defines it. A burst at the start can beat it slightly.
 */
export function limitFloorMs(calls: number, perMinute: number, minuteMs: number): number {
  return (Math.max(0, calls) / perMinute) * minuteMs;
}
