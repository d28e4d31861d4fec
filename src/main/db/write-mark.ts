// A mark of the database's writes: two calls on one connection give the same mark only if nothing was written in
// between, by this connection (total_changes) or by any other (data_version). Cheap (no table is read), so work built
// from the data can be kept until the mark moves.
import type { Workspace } from './workspace';

const counters = new WeakMap<Workspace, { get(): unknown }>();

export function writeMark(ws: Workspace): string {
  let counter = counters.get(ws);
  // Prepared once (db.pragma prepares the statement on every call).
  if (!counter)
    counters.set(
      ws,
      (counter = ws.db.prepare("SELECT (SELECT data_version FROM pragma_data_version()) || '|' || total_changes()").pluck()),
    );
  return String(counter.get());
}
