// Does a page agree with its own `pagination` and with what was asked (pure)? Xero pages a list in pages of
// `pageSize`: every page before the last is full, the last holds the rest of `itemCount`, pages past it are empty,
// and pageCount = ceil(itemCount / pageSize). A page that breaks this (a 200 listing nothing while its pagination
// counts 22, the wrong page, too many items) is a broken answer: the sync stops rather than believe it.
import type { RawPage } from '../api/list-pages';

export interface PageAsked {
  page: number;
  pageSize: number;
}

const plural = (n: number, what: string): string => `${n} ${what}${n === 1 ? '' : 's'}`;

/** Null when the page is consistent, else what is wrong (for a message). Checks only what Xero sent. */
export function pageProblem(asked: PageAsked, got: RawPage): string | null {
  const n = got.items.length;
  if (got.answeredPage !== undefined && got.answeredPage !== asked.page)
    return `page ${got.answeredPage} came back where page ${asked.page} was asked for`;
  const size = got.pageSize ?? asked.pageSize;
  if (size < 1) return `its pagination gives a page size of ${size}`;
  if (got.pageSize !== undefined && got.pageSize > asked.pageSize)
    return `its pagination gives a page size of ${got.pageSize} where ${asked.pageSize} was asked for`;
  if (n > size) return `it holds ${n} records where a page holds at most ${size}`;
  const { itemCount, pageCount } = got;
  if (itemCount !== undefined) {
    const want = Math.min(size, Math.max(0, itemCount - (asked.page - 1) * size));
    if (n !== want)
      return `it holds ${plural(n, 'record')}, but its pagination (${plural(itemCount, 'record')} in pages of ${size}) says page ${asked.page} holds ${want}`;
    if (pageCount !== undefined) {
      const pages = Math.ceil(itemCount / size);
      if (pageCount !== pages && !(itemCount === 0 && pageCount === 1))
        return `its pagination counts ${plural(pageCount, 'page')} for ${plural(itemCount, 'record')} in pages of ${size} (that is ${pages})`;
    }
  } else if (pageCount !== undefined) {
    if (asked.page < pageCount && n < size)
      return `it holds ${plural(n, 'record')}, but its pagination says page ${asked.page} of ${pageCount} is full (${size})`;
    if (asked.page > pageCount && n > 0) return `it holds ${plural(n, 'record')} past the last page (${pageCount})`;
  }
  return null;
}
