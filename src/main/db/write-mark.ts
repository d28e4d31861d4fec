// A mark of the database's writes: two calls on one connection give the same mark only if nothing was written in
// between, by this connection (total_changes) or by any other (data_version). Cheap (no table is read), so work built
// from the data can be kept until the mark moves.
import type { Workspace } from './workspace';

const counters = new WeakMap<Workspace, { get(): unknown }>();

export function writeMark(ws: Workspace): string {
  let changes = counters.get(ws);
  if (!changes) counters.set(ws, (changes = ws.db.prepare('SELECT total_changes()').pluck()));
  return `${String(ws.db.pragma('data_version', { simple: true }))}|${String(changes.get())}`;
}
