// The product against the stand-in's 2026 sign-in rules: it asks for the narrowest granular scopes and everything
// (sync of invoices and credit notes, push of contacts) works with them; a refused scope and a read-only sign-in
// are explained; and after 60 idle days (the stand-in's clock moved on) the CLI and the app say "reconnect to Xero",
// keep every bit of the workspace, reconnect with one command or button, and sync again.
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Envelope } from '../../src/shared/api-client';
import { createApp } from '../../src/main/app/app';
import { openWorkspace, type Workspace } from '../../src/main/db';
import { memorySettings } from '../../src/main/app/settings-store';
import {
  connectWorkspace,
  createMemorySecretStore,
  openXeroSession,
  tokenKey,
  XERO_SCOPES,
  XeroAuthError,
  type StoredTokens,
} from '../../src/main/xero';
import { syncWorkspace } from '../../src/main/findings/sync-workspace';
import { readBinding } from '../../src/main/xero/binding';
import { createFileSecretStore } from '../../src/main/xero/storage/file-secret-store';
import { createXeroLink } from '../../src/main/xero/link';
import { buildPlan, pushOutbox } from '../../src/main/outbox';
import { DEFAULT_CLIENT, DEMO_DATA_DIR, DEMO_TENANT_ID } from '../../src/sandbox/index.js';
import { runCliAsync } from '../support/cli-async';
import { outboxWorld } from '../support/outbox-setup';
import { anyPortClient, headlessBrowser, rejection, sandbox, tempDir, tempWorkspace } from '../support/xero-sandbox';

const CLIENT = 'reconciler-dev';
const DAY = 86_400_000;
const SMALL_COCOON = resolve(import.meta.dirname, '../fixtures/small/cocoon.csv');

/** What a bookkeeper would miss if it were lost: accounts, contacts, documents, findings and decisions. */
function snapshot(ws: Workspace) {
  const count = (table: string) => (ws.db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
  return {
    accounts: count('billing_accounts'),
    contacts: count('xero_contacts'),
    findings: ws.findings.list().length,
    decisions: count('decisions'),
    binding: readBinding(ws)?.tenantId,
  };
}

describe('granular scopes', () => {
  it('asks for the narrowest granular scopes; sync reads invoices and credit notes and push writes contacts with them', async () => {
    const sb = await sandbox({ dataDir: DEMO_DATA_DIR });
    expect(DEFAULT_CLIENT.createdAt! >= '2026-03-02').toBe(true); // the stand-in's dev client is a new app
    const ws = tempWorkspace();
    const secrets = createMemorySecretStore();
    let asked = '';
    await connectWorkspace(ws, {
      baseUrl: sb.url,
      standIn: sb.url,
      clientId: CLIENT,
      redirectPort: 0,
      secrets,
      openBrowser: async (url) => {
        asked = new URL(url).searchParams.get('scope') ?? '';
        await headlessBrowser(url);
      },
    });
    expect(asked).toBe('offline_access accounting.contacts accounting.invoices.read');
    expect(asked).not.toMatch(/transactions|settings|openid/);
    const stored = JSON.parse(secrets.entries()[tokenKey(CLIENT, DEMO_TENANT_ID)]!) as StoredTokens;
    expect(stored.scope).toBe(XERO_SCOPES.join(' '));
    const summary = await syncWorkspace(ws, openXeroSession(ws, { standIn: sb.url, secrets }).client, { recompute: false });
    expect(summary.entities.invoices.records).toBeGreaterThan(0);
    expect(summary.entities.credit_notes.records).toBeGreaterThan(0);

    // The push (contacts) on the same scopes: outboxWorld connects with the product's defaults too.
    const w = await outboxWorld({ n: 3 });
    const tokens = JSON.parse(Object.values((w.secrets as ReturnType<typeof createMemorySecretStore>).entries())[0]!) as StoredTokens;
    expect(tokens.scope).toBe(XERO_SCOPES.join(' '));
    expect(buildPlan(w.ws, new Date().toISOString()).toSend).toBe(3);
    expect(await pushOutbox(w.ws, w.session.client)).toMatchObject({ done: 3, failed: 0 });
  });

  it('explains a refused scope (invalid_scope, unauthorized_client) in words a bookkeeper can act on, and connects nothing', async () => {
    const sb = await sandbox({
      clients: [{ ...anyPortClient, clientId: 'narrow-app', allowedScopes: ['accounting.contacts.read'] }, anyPortClient],
    });
    const o = { baseUrl: sb.url, standIn: sb.url, redirectPort: 0, secrets: createMemorySecretStore(), openBrowser: headlessBrowser };
    const ws = tempWorkspace();
    const refused = await rejection(connectWorkspace(ws, { ...o, clientId: 'narrow-app' }));
    expect(refused).toBeInstanceOf(XeroAuthError);
    expect((refused as XeroAuthError).code).toBe('scope');
    expect(refused.message).toBe(
      'Xero refused the permissions Reconciler asked for, so it is not connected (Xero said unauthorized_client: Invalid scope for client: accounting.contacts, accounting.invoices.read).\n' +
        'Reconciler asks only for what it needs: stay connected between syncs (offline_access), read and correct contacts (accounting.contacts), read invoices and credit notes (accounting.invoices.read).\n' +
        'What to do: whoever manages the Xero app "narrow-app" at developer.xero.com (My Apps) must allow these scopes for it; they are Xero\'s granular scopes, the only kind apps created on or after 2 March 2026 may use. Then connect again. Nothing in the workspace was changed.',
    );
    expect(readBinding(ws)).toBeUndefined();

    // An older build asking for the broad scope from a new app: invalid_scope, and the same advice.
    const broad = await rejection(
      connectWorkspace(tempWorkspace(), {
        ...o,
        clientId: CLIENT,
        scopes: ['offline_access', 'accounting.contacts', 'accounting.transactions'],
      }),
    );
    expect((broad as XeroAuthError).code).toBe('scope');
    expect(broad.message).toContain(
      '(Xero said invalid_scope: Invalid scope for client: accounting.transactions is not available to apps created on or after 2026-03-02',
    );
    expect(broad.message).toContain('at developer.xero.com (My Apps) must allow these scopes');

    // The app answers the same words, with the code the UI offers "connect again" for.
    const xero = createXeroLink({
      secrets: createMemorySecretStore(),
      configDir: tempDir(),
      settings: { xeroBaseUrl: sb.url, clientId: 'narrow-app', redirectPort: 0 },
      openBrowser: headlessBrowser,
      env: {},
    });
    const app = createApp({
      host: 'web',
      dataDir: tempDir(),
      demoDir: resolve(import.meta.dirname, '../../demo'),
      settings: memorySettings(),
      validateOutput: true,
      xero,
    });
    try {
      const r = (await app.dispatch('xero.connect', {})) as Envelope<unknown>;
      expect(r).toMatchObject({
        ok: false,
        error: { code: 'reconnect', message: expect.stringContaining('Xero refused the permissions Reconciler asked for') },
      });
    } finally {
      await app.close();
    }
  });

  it('a sign-in without write permission is told so on a write, not "expired"', async () => {
    const sb = await sandbox({ dataDir: DEMO_DATA_DIR });
    const ws = tempWorkspace();
    const secrets = createMemorySecretStore();
    await connectWorkspace(ws, {
      baseUrl: sb.url,
      standIn: sb.url,
      clientId: CLIENT,
      redirectPort: 0,
      secrets,
      openBrowser: headlessBrowser,
      scopes: ['offline_access', 'accounting.contacts.read', 'accounting.invoices.read'],
    });
    const { client } = openXeroSession(ws, { standIn: sb.url, secrets, reconnectHint: 'reconciler connect --workspace books.reconciler' });
    await syncWorkspace(ws, client, { recompute: false }); // reading is allowed
    const write = await rejection(
      client.call('POST /Contacts', (api) => api.updateOrCreateContacts(client.tenantId, { contacts: [{ name: 'Read Only Freight' }] }), {
        idempotent: false,
      }),
    );
    expect((write as XeroAuthError).code).toBe('scope');
    expect(write.message).toBe(
      'POST /Contacts: Xero refused it because this connection does not include the permission it needs (AuthorizationUnsuccessful). Reconnect to Xero and allow everything Reconciler asks for (reconciler connect --workspace books.reconciler); nothing in the workspace is lost.',
    );
  });
});

describe('60 days without a sync', () => {
  it('CLI: sync says "reconnect to Xero" with the command, keeps the workspace, and connect then sync work again', async () => {
    const sb = await sandbox({ dataDir: DEMO_DATA_DIR });
    const dir = tempDir();
    const path = join(dir, 'books.reconciler');
    const env = { RECONCILER_CONFIG_DIR: join(dir, 'config'), RECONCILER_XERO_URL: sb.url };
    const cli = async (args: string[], code = 0) => {
      const r = await runCliAsync(args, env);
      expect(r.code, `${args.join(' ')}: ${r.stderr}`).toBe(code);
      return r;
    };
    await cli(['connect', '--workspace', path, '--port', '0']);
    await cli(['import', 'cocoon', SMALL_COCOON, '--workspace', path]);
    await cli(['sync', '--workspace', path]);
    const read = () => {
      const ws = openWorkspace(path);
      try {
        return snapshot(ws);
      } finally {
        ws.close();
      }
    };
    const before = read();
    expect(before.contacts).toBeGreaterThan(0);
    expect(before.findings).toBeGreaterThan(0);

    expect((await sb.admin('POST', '/clock/advance', { ms: 61 * DAY })).status).toBe(200);
    const expired = await cli(['sync', '--workspace', path], 5);
    expect(expired.stderr).toContain(
      "Xero has ended this app's sign-in (Xero does so after 60 days without a sync, or when the app is disconnected in Xero).",
    );
    expect(expired.stderr).toContain(`Nothing in the workspace is lost: reconnect to Xero (reconciler connect --workspace ${path})`);
    expect(read()).toEqual(before);
    const tokenFile = createFileSecretStore({ dir: join(dir, 'config') });
    expect(await tokenFile.get(tokenKey(CLIENT, DEMO_TENANT_ID))).toBeUndefined(); // the dead sign-in is forgotten

    await cli(['connect', '--workspace', path, '--port', '0']);
    expect(read()).toEqual(before); // reconnecting to the same organisation keeps everything
    const again = await cli(['sync', '--workspace', path]);
    expect(again.stderr).not.toContain('reconnect');
    expect(read()).toEqual(before);
  });

  it('app: the sync answers "reconnect", the workspace is intact, xero.reconnect signs in again and the sync works', async () => {
    const sb = await sandbox({ dataDir: DEMO_DATA_DIR });
    const secrets = createMemorySecretStore();
    const xero = createXeroLink({
      secrets,
      configDir: tempDir(),
      settings: { xeroBaseUrl: sb.url, clientId: CLIENT, redirectPort: 0 },
      openBrowser: headlessBrowser,
      env: {},
    });
    const app = createApp({
      host: 'web',
      dataDir: tempDir(),
      demoDir: resolve(import.meta.dirname, '../../demo'),
      settings: memorySettings(),
      validateOutput: true,
      xero,
    });
    const call = async <T>(channel: string, input: unknown = {}) => (await app.dispatch(channel as never, input as never)) as Envelope<T>;
    try {
      const connected = await call<{ workspace: { path: string } }>('xero.connect');
      expect(connected.ok).toBe(true);
      expect((await call('xero.sync')).ok).toBe(true);
      const status = async () => {
        const s = await call<{ contacts: number; xeroConnection: unknown; counts: unknown }>('workspace.status');
        if (!s.ok) throw new Error(s.error.message);
        return { contacts: s.value.contacts, connection: s.value.xeroConnection, counts: s.value.counts };
      };
      expect((await status()).contacts).toBeGreaterThan(0);

      // A decision to push: a CocoonOPS account holding a Xero contact's code under a fuller name (rename in Xero).
      const holder = sb.state
        .list(DEMO_TENANT_ID, 'Contacts')
        .map((c) => sb.state.render(c))
        .find((c) => c.ContactStatus === 'ACTIVE' && c.AccountNumber)!;
      const csv = `Organisation Name,Billing Account Code\n${String(holder.Name)} Freight Services Pty Ltd,${String(holder.AccountNumber)}\n`;
      expect((await call('imports.cocoon', { fileName: 'cocoon.csv', content: Buffer.from(csv).toString('base64') })).ok).toBe(true);
      expect(await call('decisions.apply', { accountCode: String(holder.AccountNumber), action: 'rename_in_xero' })).toMatchObject({
        ok: true,
      });
      const before = await status();

      await sb.admin('POST', '/clock/advance', { ms: 61 * DAY });
      // The push screen gets the same answer as the sync: reconnect (the UI offers the button), nothing lost.
      expect(await call('outbox.push', {})).toMatchObject({ ok: false, error: { code: 'reconnect' } });
      const failed = await call('xero.sync');
      expect(failed).toMatchObject({ ok: false, error: { code: 'reconnect' } });
      expect(!failed.ok && failed.error.message).toBe(
        "Xero has ended this app's sign-in (Xero does so after 60 days without a sync, or when the app is disconnected in Xero). Nothing in the workspace is lost: reconnect to Xero (on the dashboard)",
      );
      expect(await status()).toEqual(before);

      expect(await call('xero.reconnect')).toMatchObject({ ok: true, value: { tenantName: 'Demo Company (AU)' } });
      expect(await status()).toEqual(before);
      expect(await call('xero.sync')).toMatchObject({ ok: true, value: { contacts: expect.any(Number) } });
      expect(await status()).toEqual(before);
    } finally {
      await app.close();
    }
  });
});
