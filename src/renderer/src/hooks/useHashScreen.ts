// Which of the outbox screens the address's hash asks for: "#push", "#checklist", or neither.
import { useEffect, useState } from 'react';

export type HashScreen = 'push' | 'checklist' | null;

export function parseScreenHash(hash: string): HashScreen {
  return hash === '#push' ? 'push' : hash === '#checklist' ? 'checklist' : null;
}

export function useHashScreen(): HashScreen {
  const [screen, setScreen] = useState(() => parseScreenHash(location.hash));
  useEffect(() => {
    const onHash = () => setScreen(parseScreenHash(location.hash));
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, []);
  return screen;
}
