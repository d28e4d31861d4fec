import { describe, expect, it } from 'vitest';
import type { RawPage } from '../api/list-pages';
import { pumpPages } from './page-pump';

const page = (n: number, pageCount: number, size = 2): RawPage => ({
  page: n,
  pageCount,
  items: n <= pageCount ? Array.from({ length: size }, (_, i) => ({ id: `${n}-${i}` })) : [],
});
const tick = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('pumpPages', () => {
  it('fetches ahead within the bound, commits in page order, and stops at the last page', async () => {
    let inFlight = 0;
    let most = 0;
    const requested: number[] = [];
    const committed: number[] = [];
    const n = await pumpPages({
      firstPage: 1,
      knownPageCount: null,
      parallel: 3,
      fetch: async (p) => {
        requested.push(p);
        most = Math.max(most, ++inFlight);
        await tick(p % 2 === 0 ? 1 : 15); // even pages come back first
        inFlight--;
        return page(p, 7);
      },
      commit: (p) => committed.push(p.page),
    });
    expect(n).toBe(7);
    expect(committed).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(requested.slice(0, 1)).toEqual([1]); // nothing ahead until the page count is known
    expect(Math.max(...requested)).toBe(7); // never past the last page
    expect(most).toBeLessThanOrEqual(3);
  });

  it('resumes from a page, and ends on an empty page when the count it knew is stale', async () => {
    const committed: number[] = [];
    await pumpPages({
      firstPage: 4,
      knownPageCount: 9,
      parallel: 2,
      fetch: async (p) => page(p, 5),
      commit: (p) => committed.push(p.page),
    });
    expect(committed).toEqual([4, 5]);
  });

  it('commits nothing after a cancel, and reports a failed page only when its turn comes', async () => {
    const stop = new AbortController();
    const committed: number[] = [];
    const run = pumpPages({
      firstPage: 1,
      knownPageCount: null,
      parallel: 2,
      signal: stop.signal,
      fetch: async (p, signal) => {
        await tick(5);
        signal.throwIfAborted();
        return page(p, 10);
      },
      commit: (p) => {
        committed.push(p.page);
        if (p.page === 3) stop.abort(new Error('stop'));
      },
    });
    await expect(run).rejects.toThrow('stop');
    expect(committed).toEqual([1, 2, 3]);

    const order: number[] = [];
    const failing = pumpPages({
      firstPage: 1,
      knownPageCount: 4,
      parallel: 3,
      fetch: async (p) => {
        if (p === 3) throw new Error('page 3 failed');
        await tick(10);
        return page(p, 4);
      },
      commit: (p) => order.push(p.page),
    });
    await expect(failing).rejects.toThrow('page 3 failed');
    expect(order).toEqual([1, 2]);
  });
});
