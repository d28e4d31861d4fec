// Tokens in the app: sealed with Electron's safeStorage (the OS keychain: Keychain, DPAPI, libsecret) in a
// private file; where the OS offers no real keychain (token-sealing.ts), the plain private file with a warning
// that says why, as the CLI does.
import { safeStorage } from 'electron';
import { createFileSecretStore } from '../xero/storage/file-secret-store';
import type { SecretStore } from '../xero/storage/secret-store';
import { sealingOf } from './token-sealing';

export function createElectronSecretStore(dir: string, warn: (message: string) => void): SecretStore {
  const sealing = sealingOf({
    available: safeStorage.isEncryptionAvailable(),
    backend: process.platform === 'linux' ? safeStorage.getSelectedStorageBackend() : undefined,
  });
  if (!sealing.sealed) {
    warn(`Xero tokens are not sealed: ${sealing.reason}. They are kept in a file only you can read.`);
    return createFileSecretStore({ dir, onWarning: warn });
  }
  return createFileSecretStore({
    dir,
    fileName: 'tokens.sealed.json',
    codec: {
      seal: (value) => safeStorage.encryptString(value).toString('base64'),
      open: (sealed) => safeStorage.decryptString(Buffer.from(sealed, 'base64')),
    },
  });
}
