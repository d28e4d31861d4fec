// Tokens in the app: sealed with Electron's safeStorage (the OS keychain: Keychain, DPAPI, libsecret) in a
// private file; where the OS offers no keychain, the plain private file with its warning, as the CLI does.
import { safeStorage } from 'electron';
import { createFileSecretStore } from '../xero/storage/file-secret-store';
import type { SecretStore } from '../xero/storage/secret-store';

export function createElectronSecretStore(dir: string, warn: (message: string) => void): SecretStore {
  if (!safeStorage.isEncryptionAvailable()) return createFileSecretStore({ dir, onWarning: warn });
  return createFileSecretStore({
    dir,
    fileName: 'tokens.sealed.json',
    codec: {
      seal: (value) => safeStorage.encryptString(value).toString('base64'),
      open: (sealed) => safeStorage.decryptString(Buffer.from(sealed, 'base64')),
    },
  });
}
