// What every GET list shares: If-Modified-Since, where, order, paging, and the response envelope.
import type { Collection, Json, Stored } from '../types.js';
import type { SandboxState } from '../state/store.js';
import { newId } from '../util/ids.js';
import { envelopeDate, parseAnyDate } from '../util/ms-date.js';
import { checkedWhere, compileWhere, WHERE_FIELDS } from './where-eval.js';
import { WhereSyntaxError } from './where-parser.js';
import { paginate, type Pagination } from './paging.js';
import { HighVolumeError, highVolumeRefusal } from './high-volume.js';

export interface ListRequest {
  coll: Collection;
  query: Map<string, string>;
  ifModifiedSince: string | undefined;
  /**
   * Extra filters of the endpoint (IDs, statuses, includeArchived, …), applied before `where`. Made from the query
   * alone: a list is cached by collection and query.
   */
  filter?: (s: Stored) => boolean;
  /** What `where` and `order` read: read-only, never mutated (defaults to the memoised state.rendered). */
  view?: (s: Stored) => Readonly<Json>;
  /** Turns a stored record into its response JSON (defaults to state.render). */
  render?: (s: Stored) => Json;
}

/**
 * Filters, orders and pages a collection; throws WhereSyntaxError for a bad `where` or `order`, and HighVolumeError
 * for one Xero would not run in an organisation this large (high-volume.ts). Clients page through
 * tens of thousands of records with the same query, so the filtered and ordered list is kept between pages (until
 * any record changes), filters read the Stored record or its memoised view, and only the returned page is rendered.
 */
export function listRecords(state: SandboxState, tenantId: string, req: ListRequest): { items: Json[]; pagination?: Pagination } {
  const render = req.render ?? ((s: Stored) => state.render(s));
  const rows = matching(state, tenantId, req);
  const size = state.count(tenantId, req.coll);
  if (size > state.limits.highVolumeThreshold) {
    const where = req.query.get('where');
    const refused = highVolumeRefusal(req.coll, state.limits.highVolumeThreshold, {
      size,
      where: where && where.trim() !== '' ? checkedWhere(req.coll, where) : undefined,
      order: req.query.get('order')?.trim() || undefined,
      paged: req.query.has('page') || req.query.has('pagesize'),
      selected: rows.length,
    });
    if (refused) throw new HighVolumeError(req.coll, refused);
  }
  const page = paginate(rows, req.query, state.limits);
  return { ...page, items: page.items.map(render) };
}

/** The last few lists, per sandbox: one client pages through one list at a time, a few clients at once. */
const lists = new WeakMap<SandboxState, Map<string, Stored[]>>();
const KEPT_LISTS = 8;

function matching(state: SandboxState, tenantId: string, req: ListRequest): Stored[] {
  const query = [...req.query].filter(([k]) => k !== 'page' && k !== 'pagesize').sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const key = JSON.stringify([state.version, tenantId, req.coll, req.ifModifiedSince ?? null, query]);
  const cache = lists.get(state) ?? new Map<string, Stored[]>();
  lists.set(state, cache);
  const kept = cache.get(key);
  if (kept) return kept;
  const since = parseAnyDate(req.ifModifiedSince);
  const where = req.query.get('where');
  const predicate = where && where.trim() !== '' ? compileWhere(req.coll, where) : undefined;
  const view = req.view ?? ((s: Stored) => state.rendered(s));
  let rows = state
    .list(tenantId, req.coll)
    .filter((s) => (since === undefined || s.updatedMs >= since) && (!req.filter || req.filter(s)) && (!predicate || predicate(view(s))));
  const order = req.query.get('order');
  if (order && order.trim() !== '') rows = sortBy(rows, req.coll, order, view);
  for (const old of cache.keys()) if (cache.size >= KEPT_LISTS) cache.delete(old);
  cache.set(key, rows);
  return rows;
}

/** A stable sort on `order`'s fields; each record's keys are read once, not once per comparison. */
function sortBy(rows: Stored[], coll: Collection, order: string, view: (s: Stored) => Readonly<Json>): Stored[] {
  const fields = WHERE_FIELDS[coll];
  const canonical = new Map(Object.keys(fields).map((f) => [f.toLowerCase(), f]));
  const keys = order.split(',').map((part) => {
    const [name = '', dir = 'ASC'] = part.trim().split(/\s+/);
    const field = canonical.get(name.toLowerCase());
    if (!field) throw new WhereSyntaxError(`No property or field '${name}' exists in type '${coll.replace(/s$/, '')}'`);
    return { path: field.split('.'), sign: dir.toUpperCase() === 'DESC' ? -1 : 1, date: fields[field] === 'date' };
  });
  const value = (j: Readonly<Json>, path: string[], date: boolean): string | number => {
    const v = path.reduce<unknown>((o, k) => (o && typeof o === 'object' ? (o as Json)[k] : undefined), j);
    if (date) return parseAnyDate(v) ?? 0;
    return typeof v === 'number' ? v : String(v ?? '').toLowerCase();
  };
  const keyed = rows.map((s) => {
    const json = view(s);
    return { s, values: keys.map((k) => value(json, k.path, k.date)) };
  });
  keyed.sort((a, b) => {
    for (let i = 0; i < keys.length; i++) {
      const x = a.values[i]!;
      const y = b.values[i]!;
      if (x !== y) return (x < y ? -1 : 1) * keys[i]!.sign;
    }
    return 0;
  });
  return keyed.map((r) => r.s);
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
