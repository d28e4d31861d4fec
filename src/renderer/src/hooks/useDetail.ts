// The selected account in full, loaded when the selection settles (quick j/k presses do not each load), and again
// when the rows are reloaded (an import or a sync changed the data under it).
import { useCallback, useEffect, useRef, useState } from 'react';
import type { FindingDetail } from '../../../shared/review';
import { useApi } from '../api/context';
import { errorMessage } from '../lib/file-content';

export interface DetailState {
  detail: FindingDetail | null;
  loading: boolean;
  error: string | null;
  refresh(): void;
  /** Loads now (no delay) and resolves with the detail. */
  load(code: string): Promise<FindingDetail>;
}

export function useDetail(code: string | null, dataVersion = 0, delayMs = 80): DetailState {
  const api = useApi();
  const [detail, setDetail] = useState<FindingDetail | null>(null);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [tick, setTick] = useState(0);
  const latest = useRef<string | null>(null);

  const load = useCallback(
    async (c: string) => {
      latest.current = c;
      const d = await api.findings.detail({ accountCode: c });
      if (latest.current === c) {
        setDetail(d);
        setError(null);
        setLoading(false);
      }
      return d;
    },
    [api],
  );

  useEffect(() => {
    if (code === null) {
      latest.current = null;
      setDetail(null);
      return;
    }
    setLoading(true);
    const timer = setTimeout(() => {
      load(code).catch((e: unknown) => {
        if (latest.current !== code) return;
        setError(errorMessage(e));
        setLoading(false);
      });
    }, delayMs);
    return () => clearTimeout(timer);
  }, [code, tick, dataVersion, load, delayMs]);

  return { detail: detail && detail.row.code === code ? detail : null, loading, error, refresh: () => setTick((t) => t + 1), load };
}
