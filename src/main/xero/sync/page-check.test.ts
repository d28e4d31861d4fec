import { describe, expect, it } from 'vitest';
import { pageProblem } from './page-check';

const items = (n: number) => Array.from({ length: n }, (_, i) => ({ ContactID: String(i) }));
const asked = { page: 1, pageSize: 5 };

describe('pageProblem', () => {
  it('accepts pages that agree with their pagination', () => {
    expect(pageProblem(asked, { items: items(5), page: 1, answeredPage: 1, pageSize: 5, pageCount: 5, itemCount: 22 })).toBeNull();
    expect(
      pageProblem({ page: 5, pageSize: 5 }, { items: items(2), page: 5, answeredPage: 5, pageSize: 5, pageCount: 5, itemCount: 22 }),
    ).toBeNull();
    expect(pageProblem({ page: 6, pageSize: 5 }, { items: [], page: 6, pageSize: 5, pageCount: 5, itemCount: 22 })).toBeNull();
    expect(pageProblem(asked, { items: [], page: 1, answeredPage: 1, pageSize: 5, pageCount: 0, itemCount: 0 })).toBeNull();
    expect(pageProblem(asked, { items: [], page: 1, pageCount: 1, itemCount: 0 })).toBeNull();
    // a server that caps the page size below ours says so
    expect(
      pageProblem({ page: 2, pageSize: 1000 }, { items: items(100), page: 2, pageSize: 100, pageCount: 3, itemCount: 250 }),
    ).toBeNull();
    // no pagination at all: nothing to check against
    expect(pageProblem(asked, { items: [], page: 1 })).toBeNull();
  });

  it('refuses an empty 200 whose pagination counts records', () => {
    expect(pageProblem(asked, { items: [], page: 1, answeredPage: 1, pageSize: 5, pageCount: 5, itemCount: 22 })).toBe(
      'it holds 0 records, but its pagination (22 records in pages of 5) says page 1 holds 5',
    );
    expect(pageProblem({ page: 3, pageSize: 5 }, { items: [], page: 3, pageCount: 5 })).toMatch(/page 3 of 5 is full/);
  });

  it('refuses the wrong page, a short or overfull page, and a pageCount that does not fit itemCount', () => {
    expect(
      pageProblem({ page: 2, pageSize: 5 }, { items: items(5), page: 2, answeredPage: 1, pageSize: 5, pageCount: 5, itemCount: 22 }),
    ).toBe('page 1 came back where page 2 was asked for');
    expect(pageProblem(asked, { items: items(3), page: 1, pageSize: 5, pageCount: 5, itemCount: 22 })).toMatch(/holds 3 records/);
    expect(pageProblem(asked, { items: items(6), page: 1, pageSize: 5, itemCount: 22 })).toMatch(/at most 5/);
    expect(pageProblem(asked, { items: items(5), page: 1, pageSize: 10, itemCount: 22 })).toMatch(/page size of 10 where 5/);
    expect(pageProblem(asked, { items: items(5), page: 1, pageSize: 5, pageCount: 2, itemCount: 22 })).toBe(
      'its pagination counts 2 pages for 22 records in pages of 5 (that is 5)',
    );
    expect(pageProblem({ page: 6, pageSize: 5 }, { items: items(1), page: 6, pageCount: 5 })).toMatch(/past the last page/);
  });
});
