// Which screen is shown, from the address's hash: "#exceptions" (and "#exceptions/12" with exception 12 open)
// or the review. In the hash so a reload keeps the screen and the selection.
import { useCallback, useEffect, useState } from 'react';

export interface ExceptionsRoute {
  open: boolean;
  id: number | null;
}

export function parseExceptionsHash(hash: string): ExceptionsRoute {
  const m = /^#exceptions(?:\/(\d+))?$/.exec(hash);
  return m ? { open: true, id: m[1] ? Number(m[1]) : null } : { open: false, id: null };
}

export function exceptionsHash(id: number | null): string {
  return id === null ? '#exceptions' : `#exceptions/${id}`;
}

export function useExceptionsRoute(): ExceptionsRoute & { select(id: number | null): void } {
  const [route, setRoute] = useState(() => parseExceptionsHash(location.hash));
  useEffect(() => {
    const onHash = () => setRoute(parseExceptionsHash(location.hash));
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, []);
  const select = useCallback((id: number | null) => {
    // replaceState: moving through the list does not fill the back button's history.
    history.replaceState(null, '', location.pathname + location.search + exceptionsHash(id));
    setRoute(parseExceptionsHash(location.hash));
  }, []);
  return { ...route, select };
}
