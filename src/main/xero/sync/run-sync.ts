// A sync of one workspace from Xero: contacts (archived too), sales invoices, sales credit notes; page by page, each
// page and the cursor in one transaction, so a run that stops anywhere (cancel, network, killed process) resumes
// where it stopped without losing or duplicating rows, and ends with a pass over what changed while it was stopped. (The
// findings are recomputed after a complete sync by the caller: findings/sync-workspace.ts, or the app's worker.)
// Every page is checked against its own `pagination` first (page-check.ts): one that does not add up stops the sync.
// A full contacts sync removes the contacts Xero no longer lists only after its last page, in one transaction with
// the watermark; a page that never arrived leaves the stored ones in place. Pages are written as they come (they
// are Xero's current data either way), so nothing needs staging; and a removal of most of the stored contacts
// is refused unless confirmed (shrink-guard.ts), since a broken answer is likelier than an emptied organisation.
// Last, contacts whose customer flag may have changed unseen by If-Modified-Since are read again (customer-flags.ts).
import type { Workspace } from '../../db';
import type { XeroAccountingClient } from '../api/accounting-client';
import { fetchPage, MAX_PAGE_SIZE } from '../api/list-pages';
import { readBinding } from '../binding';
import { XeroEmptyAnswerError, XeroPagingError } from '../errors';
import { systemClock, type Clock } from '../clock';
import {
  clearCursor,
  DEFAULT_OVERLAP_MS,
  planEntity,
  readCursor,
  readWatermark,
  saveCursor,
  saveWatermark,
  SYNC_ENTITIES,
  type EntityCursor,
  type SyncEntity,
} from './cursor';
import { SyncCancelledError } from './cancelled';
import { refreshCustomerFlags, type FlagRefresh } from './customer-flags';
import { ENTITY_SPECS } from './entities';
import { EtaEstimator } from './eta';
import { pageProblem } from './page-check';
import { pumpPages } from './page-pump';
import { isMassRemoval, SyncShrinkRefusedError } from './shrink-guard';
import { takeSyncLock } from './sync-lock';

export { SyncCancelledError, SyncShrinkRefusedError };

export interface SyncProgress {
  entity: SyncEntity;
  /** The page just committed. */
  page: number;
  pageCount?: number;
  /** Records of this entity saved so far in this sync (a resumed sync counts the earlier part too). */
  records: number;
  /** Records Xero will send for this entity in all (its pagination itemCount). */
  total?: number;
  etaMs?: number;
}

export interface SyncOptions {
  /** Fetch everything, not just what changed since the last complete sync. */
  full?: boolean;
  signal?: AbortSignal;
  onProgress?: (p: SyncProgress) => void;
  /** A full sync may remove most of the stored contacts (the user confirmed it); otherwise it is refused. */
  allowShrink?: boolean;
  /** Records per page (Xero allows up to 1000). */
  pageSize?: number;
  /** Pages requested ahead of the one being committed (they share the tenant's rate limiter). */
  parallelPages?: number;
  overlapMs?: number;
  clock?: Clock;
  actor?: string;
}

export interface EntitySummary {
  full: boolean;
  resumed: boolean;
  /** If-Modified-Since (ISO) of an incremental run. */
  since: string | null;
  pages: number;
  records: number;
  /** Contacts removed by a full sync because Xero no longer has them (e.g. left from a file import). */
  removed: number;
  /** Records read again by a resumed run's last pass (what changed in Xero while it was stopped). */
  caughtUp: number;
}

export interface SyncSummary {
  importId: number;
  entities: Record<SyncEntity, EntitySummary>;
  /** Contacts read again because a sales document of theirs says they may have become customers. */
  flags: FlagRefresh;
  pages: number;
  records: number;
  ms: number;
  /** Accounting calls made, and how many Xero refused with 429. */
  calls: number;
  rateLimited: number;
}

/** Import rows of runs that never finished (the process died): they failed. */
function failAbandonedRuns(ws: Workspace): void {
  for (const r of ws.imports.list()) {
    if (r.kind === 'xero_sync' && r.status === 'running')
      ws.imports.fail(r.id, 'interrupted: the process stopped before the sync finished');
  }
}

export async function syncXeroSide(ws: Workspace, client: XeroAccountingClient, o: SyncOptions = {}): Promise<SyncSummary> {
  const clock = o.clock ?? systemClock;
  const iso = (): string => new Date(clock.now()).toISOString();
  const pageSize = Math.min(MAX_PAGE_SIZE, o.pageSize ?? MAX_PAGE_SIZE);
  const actor = o.actor ?? 'sync';
  const started = clock.now();
  const before = { ...client.limiter.stats };
  const release = takeSyncLock(ws, iso());
  const tenant = readBinding(ws)?.tenantName || client.tenantId;
  const entities = {} as Record<SyncEntity, EntitySummary>;
  let importId: number | undefined;
  let pagesSaved = 0;
  try {
    failAbandonedRuns(ws);
    const runId = ws.imports.begin('xero_sync', tenant, null);
    importId = runId;
    const fileImportId = ws.imports.latest('xero_file', 'complete')?.id;
    for (const entity of SYNC_ENTITIES) {
      const spec = ENTITY_SPECS[entity];
      const plan = planEntity({
        entity,
        cursor: readCursor(ws, entity),
        last: readWatermark(ws, entity),
        full: o.full ?? false,
        fileImportId,
        importId: runId,
        nowIso: iso(),
        overlapMs: o.overlapMs ?? DEFAULT_OVERLAP_MS,
      });
      let cursor: EntityCursor = plan.cursor;
      saveCursor(ws, entity, cursor); // a --full run stays full when it is resumed
      const summary: EntitySummary = {
        full: cursor.full,
        resumed: plan.resumed,
        since: cursor.since,
        pages: 0,
        records: 0,
        removed: 0,
        caughtUp: 0,
      };
      entities[entity] = summary;
      const since = cursor.since ? new Date(cursor.since) : undefined;
      const eta = new EtaEstimator(clock.now());
      const fetchChecked = async (page: number, from: Date | undefined, signal: AbortSignal) => {
        const got = await fetchPage(client, spec.list, { page, pageSize, since: from, signal }).catch((error: unknown) => {
          // An empty 200 (or one without the list) is not "nothing changed": `{"Contacts": []}` says that.
          if (!(error instanceof XeroEmptyAnswerError)) throw error;
          throw new XeroEmptyAnswerError(
            `Xero answered ${spec.label}s page ${page} with an empty answer or one without its list of ${spec.label}s, on every try: ` +
              'that is not "nothing changed". The sync stopped; nothing stored was changed or removed, and the next sync starts ' +
              'from where the last complete one left off. Sync again in a while.',
          );
        });
        const problem = pageProblem({ page, pageSize }, got);
        if (problem) {
          throw new XeroPagingError(
            `Xero's answer for ${spec.label}s page ${page} does not add up: ${problem}. The sync stopped; nothing from this page was saved ` +
              'and no stored contact was removed. Sync again in a while (the pages already saved are kept).',
          );
        }
        return got;
      };
      await pumpPages({
        // A resumed run reads its last saved page again: if records left the list meanwhile (a deleted document),
        // the ones behind them moved up a page, and would otherwise be skipped.
        firstPage: plan.resumed ? Math.max(1, cursor.nextPage - 1) : cursor.nextPage,
        knownPageCount: cursor.pageCount,
        parallel: o.parallelPages ?? 3,
        signal: o.signal,
        fetch: (page, signal) => fetchChecked(page, since, signal),
        commit: (page) => {
          const rows = spec.map(page.items, page.page); // outside the transaction: keep it short
          const fresh = page.page >= cursor.nextPage ? rows.length : 0; // not the page read again on resume
          const next: EntityCursor = {
            ...cursor,
            nextPage: page.page + 1,
            pageCount: page.pageCount ?? cursor.pageCount,
            highWater: cursor.highWater ?? page.serverTime ?? cursor.startedAt,
            records: cursor.records + fresh,
          };
          ws.transaction(() => {
            spec.store(ws, rows, runId);
            saveCursor(ws, entity, next);
          });
          cursor = next;
          summary.pages++;
          summary.records += fresh;
          pagesSaved++;
          const left = page.pageCount === undefined ? undefined : page.pageCount - page.page;
          o.onProgress?.({
            entity,
            page: page.page,
            pageCount: page.pageCount,
            records: cursor.records,
            total: page.itemCount,
            etaMs: eta.page(clock.now(), left),
          });
        },
      });
      if (plan.resumed) {
        // A run resumed after a stop has not seen what changed in Xero meanwhile on the pages it had read (nor new
        // records whose ids sort there): one more pass over everything changed since the run began brings it up to
        // Xero as of that pass, and the next incremental sync starts from there.
        const from = new Date(Date.parse(cursor.highWater ?? cursor.startedAt) - (o.overlapMs ?? DEFAULT_OVERLAP_MS));
        let passStarted: string | undefined;
        await pumpPages({
          firstPage: 1,
          knownPageCount: null,
          parallel: o.parallelPages ?? 3,
          signal: o.signal,
          fetch: (page, signal) => fetchChecked(page, from, signal),
          commit: (page) => {
            const rows = spec.map(page.items, page.page);
            ws.transaction(() => spec.store(ws, rows, runId));
            passStarted ??= page.serverTime;
            summary.caughtUp += rows.length;
          },
        });
        if (passStarted) cursor = { ...cursor, highWater: passStarted };
      }
      ws.transaction(() => {
        if (cursor.full && entity === 'contacts') {
          const stored = ws.contacts.count();
          const removed = ws.contacts.removeWrittenBefore(cursor.sweepFrom);
          if (!o.allowShrink && isMassRemoval(stored, removed)) throw new SyncShrinkRefusedError(stored, removed); // rolls the removal back
          summary.removed = removed;
        }
        saveWatermark(ws, entity, { highWater: cursor.highWater ?? cursor.startedAt, importId: runId, full: cursor.full, at: iso() });
        clearCursor(ws, entity);
      });
    }
    const flags = await refreshCustomerFlags(ws, client, { importId: runId, signal: o.signal });
    const records = SYNC_ENTITIES.reduce((n, e) => n + entities[e].records, 0);
    const pages = SYNC_ENTITIES.reduce((n, e) => n + entities[e].pages, 0);
    const calls = client.limiter.stats.calls - before.calls;
    const rateLimited = client.limiter.stats.rateLimited - before.rateLimited;
    ws.transaction(() => {
      ws.imports.complete(runId, records, { tenantId: client.tenantId, entities, flags, calls, rateLimited });
      ws.audit.append({ actor, action: 'xero.sync', subject: tenant, result: 'ok', detail: { importId: runId, entities, flags } });
    });
    return { importId: runId, entities, flags, pages, records, ms: clock.now() - started, calls, rateLimited };
  } catch (error) {
    const cancelled = o.signal?.aborted === true;
    if (importId !== undefined && ws.db.open) {
      const message = cancelled ? 'cancelled' : error instanceof Error ? error.message : String(error);
      ws.imports.fail(importId, message);
      ws.audit.append({
        actor,
        action: 'xero.sync',
        subject: tenant,
        result: cancelled ? 'cancelled' : 'failed',
        detail: { importId, entities, error: message },
      });
    }
    if (cancelled) throw new SyncCancelledError(pagesSaved, { cause: error });
    throw error;
  } finally {
    release();
  }
}
