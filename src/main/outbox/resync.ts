// After a push: read the touched contacts back from Xero into the workspace, then recompute the findings. Both
// steps are remembered in the workspace, so a push stopped between them finishes them next time.
import type { Workspace, XeroContactItem } from '../db';
import type { MatchOptions } from '../matching';
import { lastXeroSide } from '../review/freshness';
import { RECOMPUTE_PENDING_KEY } from '../db/state-keys';
import { recomputeFindings, type RecomputeSummary } from '../findings/recompute';
import { XeroContactReader } from '../xero/contact-mapping';
import type { RunContext } from './settle';
import { readContacts } from './xero-writes';

/** Re-reads the contacts of settled corrections not yet re-read; returns how many contacts were stored. */
export async function resyncTouched(ctx: RunContext): Promise<number> {
  const { ws } = ctx;
  const pending = ws.outbox.needingResync();
  if (pending.length === 0) return 0;
  const subjects = [...new Set(pending.map((c) => c.subject.toLowerCase()))];
  ctx.progress({
    phase: 'resync',
    message: `Reading ${subjects.length} contacts back from Xero…`,
    done: 0,
    total: subjects.length,
    finished: false,
  });
  const current = await readContacts(ctx.client, subjects, ctx.signal);
  const items: XeroContactItem[] = [];
  for (const raw of current.values()) {
    const parsed = XeroContactReader.safeParse(raw);
    if (parsed.success) items.push({ contact: parsed.data, raw });
  }
  const importId = lastXeroSide(ws)?.id;
  const at = ctx.now();
  ws.transaction(() => {
    ws.contacts.upsertMany(items, importId);
    for (const c of pending) ws.outbox.patch(c.id, { resyncedAt: at });
    ws.syncState.set(RECOMPUTE_PENDING_KEY, at);
  });
  ctx.tally.resynced += items.length;
  return items.length;
}

/** Recomputes the findings when a resync asked for it (also after a push that stopped before doing so). */
export function recomputeIfPending(ws: Workspace, options: MatchOptions | false = {}): RecomputeSummary | null {
  if (options === false || !ws.syncState.get(RECOMPUTE_PENDING_KEY)) return null;
  return recomputeFindings(ws, options);
}
