// "#account/<code>": a link that opens a billing account in the review (from an exception, "decide it in the review").
// The review reads the code once, selects the account and drops the hash, so the back button returns to where the
// link was and a later reload does not select the account again.
import { useCallback, useEffect, useState } from 'react';

export function parseAccountHash(hash: string): string | null {
  const m = /^#account\/(.+)$/.exec(hash);
  if (!m) return null;
  try {
    return decodeURIComponent(m[1]!);
  } catch {
    return null;
  }
}

export function accountHash(code: string): string {
  return `#account/${encodeURIComponent(code)}`;
}

export function useAccountRoute(): { code: string | null; done(): void } {
  const [code, setCode] = useState(() => parseAccountHash(location.hash));
  useEffect(() => {
    const onHash = () => setCode(parseAccountHash(location.hash));
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, []);
  const done = useCallback(() => {
    if (parseAccountHash(location.hash) !== null) history.replaceState(null, '', location.pathname + location.search);
    setCode(null);
  }, []);
  return { code, done };
}
