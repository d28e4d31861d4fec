// Pages in, commits out: requests up to `parallel` pages ahead (only pages known to exist), commits strictly in
// page order, stops at the last page, and on cancel or failure drops what is not yet committed.
import type { RawPage } from '../api/list-pages';

export interface PumpOptions {
  firstPage: number;
  /** pageCount as last seen (a resumed run), or null. */
  knownPageCount: number | null;
  parallel: number;
  signal?: AbortSignal;
  fetch(page: number, signal: AbortSignal): Promise<RawPage>;
  /** Synchronous: one transaction per page. */
  commit(page: RawPage): void;
}

/** Runs to the last page; returns how many pages were committed. */
export async function pumpPages(o: PumpOptions): Promise<number> {
  const stop = new AbortController();
  const signal = o.signal ? AbortSignal.any([o.signal, stop.signal]) : stop.signal;
  const inflight = new Map<number, Promise<RawPage>>();
  let next = o.firstPage;
  let requested = o.firstPage;
  let known = o.knownPageCount;
  let committed = 0;
  const start = (page: number): void => {
    const p = o.fetch(page, signal);
    p.catch(() => {}); // awaited in order below; an early failure must not go unhandled meanwhile
    inflight.set(page, p);
  };
  try {
    for (;;) {
      while (inflight.size < Math.max(1, o.parallel) && (requested === next || (known !== null && requested <= known))) start(requested++);
      const page = await inflight.get(next)!;
      inflight.delete(next);
      o.signal?.throwIfAborted(); // cancelled while the page was on its way: it is not committed
      o.commit(page);
      committed++;
      if (page.pageCount !== undefined) known = page.pageCount;
      // Without a pagination object (older APIs), read on until an empty page: a short page proves nothing
      // when the server caps the page size below ours.
      const last = page.items.length === 0 || (page.pageCount !== undefined && next >= page.pageCount);
      if (last) return committed;
      next++;
      requested = Math.max(requested, next);
    }
  } finally {
    stop.abort(new Error('page pump stopped')); // pages fetched ahead past the end, or after a failure
  }
}
