// One answer loaded from the core for a screen or a dialog: the data, why it failed, whether a call is under way, and
// reload. An answer that comes late (after the component went away, or after a newer call began) is dropped.
import { useCallback, useEffect, useState, type DependencyList, type Dispatch, type SetStateAction } from 'react';
import { errorMessage } from '../lib/file-content';

export interface Loaded<T> {
  /** The latest answer: kept while a newer call runs; null before the first one, or when there is nothing to load. */
  data: T | null;
  /** Why the latest call failed (cleared by the next answer). */
  error: string | null;
  loading: boolean;
  /** Calls again with the same arguments (e.g. after the workspace changed). */
  reload(): void;
  /** Changes the answer in place: a tick shown before the core confirms it. */
  setData: Dispatch<SetStateAction<T | null>>;
}

export interface LoadOptions {
  /** Waits this long after the last change of `deps` before calling (typing in a search box calls once). */
  delayMs?: number;
}

/**
 * Calls `load` when the component mounts, whenever `deps` change and on reload(). `load` answers null when there is
 * nothing to load (no exception selected, an empty search): data and error are then null. `signal` is aborted once
 * the answer would be dropped, for a loader that does more than answer.
 */
export function useLoad<T>(
  load: (signal: AbortSignal) => Promise<T> | null,
  deps: DependencyList,
  { delayMs = 0 }: LoadOptions = {},
): Loaded<T> {
  const [data, setData] = useState<T | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [loading, setLoading] = useState(true);
  const [calls, setCalls] = useState(0);
  const reload = useCallback(() => setCalls((n) => n + 1), []);

  useEffect(
    () => {
      const abort = new AbortController();
      const settle = (answer: T | null, failure: string | null): void => {
        if (abort.signal.aborted) return;
        if (failure === null) setData(answer);
        setError(failure);
        setLoading(false);
      };
      const call = (): void => {
        const pending = load(abort.signal);
        if (pending === null) settle(null, null);
        else
          pending.then(
            (answer) => settle(answer, null),
            (e: unknown) => settle(null, errorMessage(e)),
          );
      };
      setLoading(true);
      const timer = delayMs > 0 ? setTimeout(call, delayMs) : (call(), undefined);
      return () => {
        abort.abort();
        clearTimeout(timer);
      };
    },
    // The caller's deps say when `load` means a new call (the rule checks them at each useLoad, see eslint.config.js);
    // `load` itself is a new function at every render and is not one of them.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [...deps, calls, delayMs],
  );

  return { data, error, loading, reload, setData };
}
