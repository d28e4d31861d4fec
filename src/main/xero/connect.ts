// Connecting a workspace to one Xero organisation (sign in, choose the tenant, keep the tokens in the SecretStore,
// record the tenant in the workspace), and disconnecting it (revoke, forget the tokens).
import type { Workspace } from '../db';
import { signIn, type OpenBrowser } from './auth/sign-in';
import { chooseTenant, type TenantRef } from './auth/tenant-choice';
import { createTokenClient } from './auth/token-client';
import { TokenManager } from './auth/token-manager';
import { readBinding, writeBinding, type XeroBinding } from './binding';
import { systemClock, type Clock } from './clock';
import { trustedXeroUrl } from './address';
import { endpointsFor } from './endpoints';
import { XeroAddressError, XeroError } from './errors';
import { tokenKey, type SecretStore } from './storage/secret-store';
import { hasSyncState, resetSyncState } from './sync/cursor';

export interface ConnectOptions {
  /** XERO_PRODUCTION_URL (default) or `standIn`. */
  baseUrl?: string;
  /** The loopback Xero stand-in the user named (flag, RECONCILER_XERO_URL, settings): the only non-Xero address allowed. */
  standIn?: string;
  clientId: string;
  redirectPort: number;
  /** The scopes to ask for (default XERO_SCOPES, the narrowest the product works with). */
  scopes?: readonly string[];
  /** Tenant id or name; needed when several organisations are connected (default: the workspace's own). */
  tenant?: string;
  secrets: SecretStore;
  openBrowser: OpenBrowser;
  signal?: AbortSignal;
  timeoutMs?: number;
  clock?: Clock;
  actor?: string;
  fetch?: typeof globalThis.fetch;
}

export interface ConnectResult {
  binding: XeroBinding;
  /** Every organisation the user connected to the app (the workspace uses one). */
  connected: TenantRef[];
}

export async function connectWorkspace(ws: Workspace, o: ConnectOptions): Promise<ConnectResult> {
  // Checked before the sign-in link is built: it only ever leads to Xero or the stand-in the user named.
  const baseUrl = trustedXeroUrl(o.baseUrl, o.standIn);
  const endpoints = endpointsFor(baseUrl);
  const tokenClient = createTokenClient({ endpoints, clientId: o.clientId, fetch: o.fetch });
  const clock = o.clock ?? systemClock;
  const previous = readBinding(ws);
  const { tokens, connections } = await signIn({ ...o, endpoints, tokenClient, clock });
  const tenant = chooseTenant(connections, o.tenant ?? previous?.tenantId);
  const otherTenant = previous !== undefined && previous.tenantId.toLowerCase() !== tenant.tenantId.toLowerCase();
  if (otherTenant && hasSyncState(ws)) {
    throw new XeroError(
      `This workspace holds the Xero data of "${previous.tenantName}" (${previous.tenantId}); it cannot switch to "${tenant.tenantName}". ` +
        'Use a new workspace for each organisation.',
    );
  }
  await TokenManager.save(o.secrets, tokenKey(o.clientId, tenant.tenantId), tokens);
  const binding: XeroBinding = {
    tenantId: tenant.tenantId,
    tenantName: tenant.tenantName,
    baseUrl,
    clientId: o.clientId,
    connectedAt: new Date(clock.now()).toISOString(),
    disconnectedAt: null,
  };
  ws.transaction(() => {
    // Another Xero (a sandbox restarted elsewhere) or tenant: what was synced cannot be continued from, so read all again.
    if (previous && (otherTenant || previous.baseUrl !== baseUrl)) resetSyncState(ws);
    writeBinding(ws, binding);
    ws.audit.append({
      actor: o.actor ?? 'user',
      action: 'xero.connect',
      subject: tenant.tenantName,
      result: 'ok',
      detail: { tenantId: tenant.tenantId, baseUrl },
    });
  });
  return { binding, connected: connections.map((c) => ({ tenantId: c.tenantId, tenantName: c.tenantName })) };
}

export interface DisconnectResult {
  binding: XeroBinding;
  /** False when there were no tokens to revoke, or Xero could not be reached (the tokens are forgotten anyway). */
  revoked: boolean;
  warning?: string;
}

/** Revokes the grant at Xero (which drops this user's connections to the app) and forgets the tokens here. */
export async function disconnectWorkspace(
  ws: Workspace,
  o: { secrets: SecretStore; standIn?: string; signal?: AbortSignal; clock?: Clock; actor?: string; fetch?: typeof globalThis.fetch },
): Promise<DisconnectResult> {
  const binding = readBinding(ws);
  if (!binding) throw new XeroError('This workspace is not connected to Xero.');
  const endpoints = endpointsFor(trustedXeroUrl(binding.baseUrl, o.standIn));
  const key = tokenKey(binding.clientId, binding.tenantId);
  const hadTokens = (await o.secrets.get(key)) !== undefined;
  const client = createTokenClient({ endpoints, clientId: binding.clientId, fetch: o.fetch });
  let warning: string | undefined;
  try {
    await new TokenManager({ store: o.secrets, key, client, issuer: endpoints.tokenUrl }).revoke(o.signal);
  } catch (e) {
    if (e instanceof XeroAddressError) throw e; // the tokens belong to another workspace's Xero: keep them
    warning = `Xero could not be told (${e instanceof Error ? e.message : String(e)}); the tokens were deleted here. Remove the app under Connected Apps in Xero to finish.`;
  }
  const next: XeroBinding = { ...binding, disconnectedAt: new Date((o.clock ?? systemClock).now()).toISOString() };
  ws.transaction(() => {
    writeBinding(ws, next);
    ws.audit.append({
      actor: o.actor ?? 'user',
      action: 'xero.disconnect',
      subject: binding.tenantName,
      result: warning ? 'partial' : 'ok',
      detail: { tenantId: binding.tenantId },
    });
  });
  return { binding: next, revoked: hadTokens && !warning, warning };
}
