// What every GET list shares: If-Modified-Since, where, order, paging, and the response envelope.
import type { Collection, Json, Stored } from '../types.js';
import type { SandboxState } from '../state/store.js';
import { newId } from '../util/ids.js';
import { envelopeDate, parseAnyDate } from '../util/ms-date.js';
import { compileWhere, WHERE_FIELDS } from './where-eval.js';
import { WhereSyntaxError } from './where-parser.js';
import { paginate, type Pagination } from './paging.js';

export interface ListRequest {
  coll: Collection;
  query: Map<string, string>;
  ifModifiedSince: string | undefined;
  /** Extra filters of the endpoint (IDs, statuses, includeArchived, …), applied before `where`. */
  filter?: (s: Stored, rendered: Json) => boolean;
  /** Turns a stored record into its response JSON (defaults to state.render). */
  render?: (s: Stored) => Json;
}

/** Filters, orders and pages a collection; throws WhereSyntaxError for a bad `where` or `order`. */
export function listRecords(state: SandboxState, tenantId: string, req: ListRequest): { items: Json[]; pagination?: Pagination } {
  const since = parseAnyDate(req.ifModifiedSince);
  const where = req.query.get('where');
  const predicate = where && where.trim() !== '' ? compileWhere(req.coll, where) : undefined;
  const render = req.render ?? ((s: Stored) => state.render(s));
  let rows = state
    .list(tenantId, req.coll)
    .filter((s) => since === undefined || s.updatedMs >= since)
    .map((s) => ({ s, json: render(s) }))
    .filter(({ s, json }) => (!req.filter || req.filter(s, json)) && (!predicate || predicate(json)));
  const order = req.query.get('order');
  if (order && order.trim() !== '') rows = sortBy(rows, req.coll, order);
  return paginate(
    rows.map((r) => r.json),
    req.query,
    state.limits,
  );
}

function sortBy<T extends { json: Json }>(rows: T[], coll: Collection, order: string): T[] {
  const fields = WHERE_FIELDS[coll];
  const canonical = new Map(Object.keys(fields).map((f) => [f.toLowerCase(), f]));
  const keys = order.split(',').map((part) => {
    const [name = '', dir = 'ASC'] = part.trim().split(/\s+/);
    const field = canonical.get(name.toLowerCase());
    if (!field) throw new WhereSyntaxError(`No property or field '${name}' exists in type '${coll.replace(/s$/, '')}'`);
    return { field, sign: dir.toUpperCase() === 'DESC' ? -1 : 1, date: fields[field] === 'date' };
  });
  const value = (j: Json, f: string, date: boolean): string | number => {
    const v = f.split('.').reduce<unknown>((o, k) => (o && typeof o === 'object' ? (o as Json)[k] : undefined), j);
    if (date) return parseAnyDate(v) ?? 0;
    return typeof v === 'number' ? v : String(v ?? '').toLowerCase();
  };
  return [...rows].sort((a, b) => {
    for (const k of keys) {
      const x = value(a.json, k.field, k.date);
      const y = value(b.json, k.field, k.date);
      if (x !== y) return (x < y ? -1 : 1) * k.sign;
    }
    return 0;
  });
}

export function envelope(state: SandboxState, providerName: string, coll: Collection, items: Json[], pagination?: Pagination): Json {
  return {
    Id: newId(),
    Status: 'OK',
    ProviderName: providerName,
    DateTimeUTC: envelopeDate(state.now()),
    ...(pagination ? { pagination } : {}),
    [coll]: items,
  };
}
