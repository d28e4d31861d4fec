// Where secrets (Xero tokens) live. The CLI and web host use a private file; the Electron app will use
// safeStorage (src/main/electron/) behind the same interface.

export interface SecretStore {
  get(key: string): Promise<string | undefined>;
  /** Stores `value` durably before resolving. */
  set(key: string, value: string): Promise<void>;
  delete(key: string): Promise<void>;
}

/** Tokens of one workspace connection: per client id and tenant. */
export function tokenKey(clientId: string, tenantId: string): string {
  return `xero-tokens:${clientId}:${tenantId.toLowerCase()}`;
}

/** In memory only (tests, and a session that must leave nothing behind). */
export function createMemorySecretStore(initial: Record<string, string> = {}): SecretStore & { entries(): Record<string, string> } {
  const map = new Map(Object.entries(initial));
  return {
    get: async (key) => map.get(key),
    set: async (key, value) => void map.set(key, value),
    delete: async (key) => void map.delete(key),
    entries: () => Object.fromEntries(map),
  };
}
