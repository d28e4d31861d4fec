// Whether Electron's safeStorage really seals the tokens (pure, so it is tested without Electron). On Linux without
// a keyring (no libsecret or kwallet), safeStorage reports encryption as available but uses its `basic_text`
// backend: a fixed password, which protects nothing. The tokens are then treated as unsealed: the plain private
// file, with its warning, as where no keychain exists at all.
export type Sealing = { sealed: true } | { sealed: false; reason: string };

export interface SafeStorageFacts {
  available: boolean;
  /** safeStorage.getSelectedStorageBackend() on Linux; undefined elsewhere. */
  backend?: string;
}

export function sealingOf(facts: SafeStorageFacts): Sealing {
  if (!facts.available) return { sealed: false, reason: 'no OS keychain is available here' };
  if (facts.backend === 'basic_text' || facts.backend === 'unknown') {
    return {
      sealed: false,
      reason: `no keyring (GNOME Keyring or KWallet) is running, so Electron could only obscure them (its "${facts.backend}" store)`,
    };
  }
  return { sealed: true };
}
