// How many calls to Xero a sync of this workspace will make, from what it last knew (pure apart from reading the
// workspace): per entity, the pages of a full read (its stored count ÷ page size), what is left of a run in
// progress (its page count, the page read again, and the pass over what changed meanwhile), or one page of changes;
// plus the reads by id of contacts whose customer flag may be stale (customer-flags.ts).
import type { Workspace } from '../../db';
import { MAX_PAGE_SIZE } from '../api/list-pages';
import { FLAG_BATCH } from './customer-flags';
import { DEFAULT_OVERLAP_MS, planEntity, readCursor, readWatermark, SYNC_ENTITIES, type EntityCursor, type SyncEntity } from './cursor';

export interface EntityCalls {
  entity: SyncEntity;
  kind: 'full' | 'resumed' | 'changes';
  calls: number;
}

/** Pages of `records` (at least one: an empty list is one call too). */
const pages = (records: number, pageSize: number): number => Math.max(1, Math.ceil(records / pageSize));

export function entityCalls(p: { cursor: EntityCursor; resumed: boolean; known: number; pageSize: number }): number {
  if (p.resumed) {
    const total = p.cursor.pageCount ?? pages(p.known, p.pageSize);
    return Math.max(1, total - p.cursor.nextPage + 2) + 1; // the rest, the last saved page again, and the catch-up pass
  }
  return p.cursor.full ? pages(p.known, p.pageSize) : 1;
}

export function planSyncCalls(ws: Workspace, o: { full?: boolean; pageSize?: number } = {}): { calls: number; entities: EntityCalls[] } {
  const pageSize = Math.min(MAX_PAGE_SIZE, o.pageSize ?? MAX_PAGE_SIZE);
  const known: Record<SyncEntity, number> = {
    contacts: ws.contacts.count(),
    invoices: ws.invoices.countOf('invoice'),
    credit_notes: ws.invoices.countOf('credit_note'),
  };
  const fileImportId = ws.imports.latest('xero_file', 'complete')?.id;
  const entities = SYNC_ENTITIES.map((entity): EntityCalls => {
    const { cursor, resumed } = planEntity({
      entity,
      cursor: readCursor(ws, entity),
      last: readWatermark(ws, entity),
      full: o.full ?? false,
      fileImportId,
      importId: 0, // the run's id only goes into a new cursor, which this plan does not keep
      nowIso: new Date(0).toISOString(),
      overlapMs: DEFAULT_OVERLAP_MS,
    });
    return {
      entity,
      kind: resumed ? 'resumed' : cursor.full ? 'full' : 'changes',
      calls: entityCalls({ cursor, resumed, known: known[entity], pageSize }),
    };
  });
  const flags = Math.ceil(ws.contacts.notCustomerWithSales().length / FLAG_BATCH);
  return { calls: entities.reduce((n, e) => n + e.calls, 0) + flags, entities };
}
