// page / pageSize and the `pagination` object. Without either parameter the whole (filtered) list is returned,
// without a `pagination` object.
import type { Limits } from '../types.js';
import { intParam } from '../http/env.js';

export interface Pagination {
  page: number;
  pageSize: number;
  pageCount: number;
  itemCount: number;
}

export function paginate<T>(items: T[], query: Map<string, string>, limits: Limits): { items: T[]; pagination?: Pagination } {
  const pageParam = intParam(query.get('page'));
  const sizeParam = intParam(query.get('pagesize'));
  if (pageParam === undefined && sizeParam === undefined) return { items };
  const page = Math.max(1, pageParam ?? 1);
  const pageSize = Math.min(limits.maxPageSize, sizeParam !== undefined && sizeParam > 0 ? sizeParam : limits.defaultPageSize);
  const itemCount = items.length;
  const pageCount = Math.ceil(itemCount / pageSize);
  return { items: items.slice((page - 1) * pageSize, page * pageSize), pagination: { page, pageSize, pageCount, itemCount } };
}
