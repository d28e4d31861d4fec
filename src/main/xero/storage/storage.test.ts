import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { resolveConfigDir } from './config-dir';
import { createFileSecretStore, FILE_STORE_WARNING } from './file-secret-store';
import { loadSettings, saveSettings } from './settings';

const dirs: string[] = [];
const temp = (): string => {
  const d = mkdtempSync(join(tmpdir(), 'reconciler-cfg-'));
  dirs.push(d);
  return d;
};
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe('resolveConfigDir', () => {
  it('prefers the option, then RECONCILER_CONFIG_DIR, then XDG_CONFIG_HOME', () => {
    expect(resolveConfigDir({ RECONCILER_CONFIG_DIR: '/a' }, '/opt')).toBe('/opt');
    expect(resolveConfigDir({ RECONCILER_CONFIG_DIR: '/a', XDG_CONFIG_HOME: '/x' })).toBe('/a');
    expect(resolveConfigDir({ XDG_CONFIG_HOME: '/x' })).toBe(join('/x', 'cocoon-xero-reconciler'));
    expect(resolveConfigDir({})).toMatch(/[/\\]cocoon-xero-reconciler$/);
  });
});

describe('file secret store', () => {
  it('keeps values in a private file, warns when it creates it, and deletes', async () => {
    const dir = join(temp(), 'nested', 'config');
    const warnings: string[] = [];
    const store = createFileSecretStore({ dir, onWarning: (w) => warnings.push(w) });
    expect(await store.get('k')).toBeUndefined();
    await Promise.all([store.set('a', '1'), store.set('b', '2'), store.set('c', '3')]); // serialised: none lost
    expect([await store.get('a'), await store.get('b'), await store.get('c')]).toEqual(['1', '2', '3']);
    await store.delete('b');
    expect(await store.get('b')).toBeUndefined();
    expect(warnings).toEqual([FILE_STORE_WARNING]);
    expect(statSync(store.path).mode & 0o777).toBe(0o600);
    expect(statSync(dir).mode & 0o777).toBe(0o700);
    expect(JSON.parse(readFileSync(store.path, 'utf8'))).toEqual({ version: 1, secrets: { a: '1', c: '3' } });
  });

  it('seals values with a codec (safeStorage in the app): the file holds no plain token', async () => {
    const dir = temp();
    // A stand-in for the OS keychain's cipher: the store must only ever write what seal() returns.
    const codec = {
      seal: (v: string) => Buffer.from([...v].reverse().join('')).toString('base64'),
      open: (s: string) => [...Buffer.from(s, 'base64').toString()].reverse().join(''),
    };
    const store = createFileSecretStore({ dir, fileName: 'tokens.sealed.json', codec });
    await store.set('refresh', 'rt-secret-value');
    expect(await store.get('refresh')).toBe('rt-secret-value');
    expect(store.path.endsWith('tokens.sealed.json')).toBe(true);
    expect(readFileSync(store.path, 'utf8')).not.toContain('rt-secret-value');
  });

  it('refuses a file that is not its own, without echoing its content', async () => {
    const dir = temp();
    writeFileSync(join(dir, 'tokens.json'), '{"secret-looking":"abc123"}');
    const e = await createFileSecretStore({ dir })
      .get('k')
      .catch((x: Error) => x);
    expect((e as Error).message).toMatch(/is not a Reconciler tokens file/);
    expect((e as Error).message).not.toContain('abc123');
  });
});

describe('settings', () => {
  it('has defaults, and keeps what is saved', async () => {
    const dir = temp();
    expect(await loadSettings(dir)).toEqual({ clientId: 'reconciler-dev', redirectPort: 53682, xeroBaseUrl: 'https://api.xero.com' });
    await saveSettings(dir, { clientId: 'ABC123', redirectPort: 53700 });
    expect(await loadSettings(dir)).toMatchObject({ clientId: 'ABC123', redirectPort: 53700 });
    writeFileSync(join(dir, 'settings.json'), '{"redirectPort": "x"}');
    await expect(loadSettings(dir)).rejects.toThrow(/invalid settings: redirectPort/);
  });
});
