// Sync bookkeeping kept in the workspace (pure apart from the repo calls at the bottom): per entity, the cursor of
// a run in progress (written in the same transaction as each page) and the watermark of the last complete run.
import { z } from 'zod';
import type { Workspace } from '../../db';

export const SYNC_ENTITIES = ['contacts', 'invoices', 'credit_notes'] as const;
export type SyncEntity = (typeof SYNC_ENTITIES)[number];

export const EntityCursor = z.object({
  full: z.boolean(),
  /** If-Modified-Since of this run (ISO), null for a full run. */
  since: z.string().nullable(),
  /** The next page to fetch: every page before it is committed. */
  nextPage: z.number().int().positive(),
  pageCount: z.number().int().nonnegative().nullable(),
  /** Xero's clock when the run's first page was answered (ISO): where the next incremental run starts. */
  highWater: z.string().nullable(),
  /** Import id of the run that started this cursor: on a full run, contacts last written before it are gone from Xero. */
  sweepFrom: z.number().int(),
  records: z.number().int().nonnegative(),
  startedAt: z.string(),
});
export type EntityCursor = z.infer<typeof EntityCursor>;

export const EntityWatermark = z.object({
  highWater: z.string(),
  importId: z.number().int(),
  full: z.boolean(),
  at: z.string(),
});
export type EntityWatermark = z.infer<typeof EntityWatermark>;

/** Re-read a little before the watermark, for clock skew between Xero's servers and writes racing the first page. */
export const DEFAULT_OVERLAP_MS = 2 * 60_000;

export interface PlanInput {
  entity: SyncEntity;
  cursor: EntityCursor | undefined;
  last: EntityWatermark | undefined;
  /** --full: start over even when a run can be resumed. */
  full: boolean;
  /** The newest complete Xero contacts file import: it replaced the contacts, so they need a full sync. */
  fileImportId: number | undefined;
  importId: number;
  nowIso: string;
  overlapMs: number;
}

/** Resume the run in progress when it still fits, else start a full or incremental one. */
export function planEntity(p: PlanInput): { cursor: EntityCursor; resumed: boolean } {
  const fileIsNewer = p.entity === 'contacts' && p.fileImportId !== undefined && (!p.last || p.fileImportId > p.last.importId);
  const needFull = p.full || !p.last || fileIsNewer;
  const fileAfterCursor =
    p.entity === 'contacts' && p.fileImportId !== undefined && p.cursor !== undefined && p.fileImportId > p.cursor.sweepFrom;
  if (p.cursor && !p.full && !fileAfterCursor && (p.cursor.full || !needFull)) return { cursor: p.cursor, resumed: true };
  const since = needFull || !p.last ? null : new Date(Date.parse(p.last.highWater) - p.overlapMs).toISOString();
  return {
    cursor: {
      full: needFull,
      since,
      nextPage: 1,
      pageCount: null,
      highWater: null,
      sweepFrom: p.importId,
      records: 0,
      startedAt: p.nowIso,
    },
    resumed: false,
  };
}

const cursorKey = (e: SyncEntity): string => `xero.sync.${e}.cursor`;
const watermarkKey = (e: SyncEntity): string => `xero.sync.${e}.complete`;

function readJson<T>(ws: Workspace, key: string, schema: z.ZodType<T>): T | undefined {
  const text = ws.syncState.get(key);
  if (!text) return undefined;
  try {
    const parsed = schema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

export const readCursor = (ws: Workspace, e: SyncEntity): EntityCursor | undefined => readJson(ws, cursorKey(e), EntityCursor);
export const readWatermark = (ws: Workspace, e: SyncEntity): EntityWatermark | undefined => readJson(ws, watermarkKey(e), EntityWatermark);
export const saveCursor = (ws: Workspace, e: SyncEntity, c: EntityCursor): void => ws.syncState.set(cursorKey(e), JSON.stringify(c));
export const clearCursor = (ws: Workspace, e: SyncEntity): void => ws.syncState.set(cursorKey(e), '');
export const saveWatermark = (ws: Workspace, e: SyncEntity, w: EntityWatermark): void =>
  ws.syncState.set(watermarkKey(e), JSON.stringify(w));

/** Has any sync written Xero records here (complete, or in progress)? */
export function hasSyncState(ws: Workspace): boolean {
  return SYNC_ENTITIES.some((e) => readCursor(ws, e) !== undefined || readWatermark(ws, e) !== undefined);
}

/** Forget every watermark and cursor: the next sync reads everything (and a full contacts sync sweeps). */
export function resetSyncState(ws: Workspace): void {
  for (const e of SYNC_ENTITIES) {
    ws.syncState.set(cursorKey(e), '');
    ws.syncState.set(watermarkKey(e), '');
  }
}
