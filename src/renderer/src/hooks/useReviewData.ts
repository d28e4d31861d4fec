// The table's rows and the dashboard's status, loaded from the core and reloaded when the data changes.
// Decisions patch rows in place (same positions), so indexes built on the loaded rows stay valid.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { ReviewRow, RowDecision, WorkspaceStatus, XeroTrust } from '../../../shared/review';
import { rowsFromColumns } from '../../../shared/review-columns';
import type { ApiClient } from '../../../shared/api-client';
import { useApi, useApiEvent } from '../api/context';
import { errorMessage } from '../lib/file-content';

/** Rows of the first, quick answer (enough for the first screens in the default order). */
export const FIRST_ROWS = 400;

export interface ReviewData {
  rows: ReviewRow[];
  /** False while only the first rows are loaded (the rest is on its way). */
  complete: boolean;
  /** Rows in the workspace. */
  total: number;
  /** Increases on every full load (not on patches). */
  version: number;
  xeroTrust: XeroTrust;
  status: WorkspaceStatus | null;
  loading: boolean;
  error: string | null;
  reload(): void;
  refreshStatus(): void;
  patch(rows: readonly ReviewRow[]): void;
  /** Sets the decision cell of rows by code (what a bulk apply returns). */
  patchDecisions(decisions: readonly (readonly [string, RowDecision])[]): void;
}

type List = Awaited<ReturnType<ApiClient['findings']['list']>>;
let prefetched: Promise<List> | null = null;

/** Starts loading the first rows at once (the app calls it while it asks which workspace is open). */
export function prefetchReview(api: ApiClient): void {
  prefetched = api.findings.list({ limit: FIRST_ROWS });
  prefetched.catch(() => {}); // no workspace open: the onboarding shows instead
}

export function useReviewData(): ReviewData {
  const api = useApi();
  const [rows, setRows] = useState<ReviewRow[]>([]);
  const [version, setVersion] = useState(0);
  const [complete, setComplete] = useState(false);
  const [total, setTotal] = useState(0);
  const [xeroTrust, setTrust] = useState<XeroTrust>('complete');
  const [status, setStatus] = useState<WorkspaceStatus | null>(null);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<string | null>(null);
  const positions = useRef(new Map<string, number>());
  const loadId = useRef(0);

  const refreshStatus = useCallback(() => {
    api.workspace.status().then(setStatus, (e: unknown) => setError(errorMessage(e)));
  }, [api]);

  const reload = useCallback(() => {
    const id = ++loadId.current;
    setLoading(true);
    setError(null);
    const fetchFirst = () => api.findings.list({ limit: FIRST_ROWS });
    // A prefetch made before any workspace was open failed: ask again.
    const first = prefetched ? prefetched.catch(fetchFirst) : fetchFirst();
    prefetched = null;
    const failed = (e: unknown) => {
      if (id !== loadId.current) return;
      setError(errorMessage(e));
      setLoading(false);
    };
    const show = (l: List): boolean => {
      if (id !== loadId.current) return false;
      positions.current = new Map(l.columns.code.map((code, i) => [code, i]));
      const done = l.columns.code.length >= l.total;
      setRows(rowsFromColumns(l.columns));
      setTotal(l.total);
      setComplete(done);
      setTrust(l.xeroTrust);
      setVersion((v) => v + 1);
      setLoading(false);
      return done;
    };
    // The first rows paint the table at once; the rest follows. The table does not wait for the dashboard.
    first.then((l) => {
      if (show(l)) return;
      api.findings.list().then(show, failed);
    }, failed);
    api.workspace.status().then((s) => id === loadId.current && setStatus(s), failed);
  }, [api]);

  const patch = useCallback((changed: readonly ReviewRow[]) => {
    setRows((current) => {
      const next = current.slice();
      for (const r of changed) {
        const at = positions.current.get(r.code);
        if (at !== undefined) next[at] = r;
      }
      return next;
    });
  }, []);

  const patchDecisions = useCallback((decisions: readonly (readonly [string, RowDecision])[]) => {
    setRows((current) => {
      const next = current.slice();
      for (const [code, decision] of decisions) {
        const at = positions.current.get(code);
        if (at !== undefined && next[at]) next[at] = { ...next[at], decision };
      }
      return next;
    });
  }, []);

  useEffect(reload, [reload]);
  useApiEvent('workspace.changed', (e) => {
    if (e.reason === 'imported' || e.reason === 'synced' || e.reason === 'matched') reload();
    else if (e.reason === 'decided') refreshStatus();
  });

  return { rows, complete, total, version, xeroTrust, status, loading, error, reload, refreshStatus, patch, patchDecisions };
}
