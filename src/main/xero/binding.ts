// Which Xero organisation a workspace belongs to, kept in the workspace (sync_state): tenant, base URL, client id.
// Tokens are not here: they live in a SecretStore, keyed by client id and tenant.
import { z } from 'zod';
import type { Workspace } from '../db';

export const BINDING_KEY = 'xero.connection';

export const XeroBinding = z.object({
  tenantId: z.string().min(1),
  tenantName: z.string(),
  /** XERO_PRODUCTION_URL or a sandbox base URL. */
  baseUrl: z.string().min(1),
  clientId: z.string().min(1),
  connectedAt: z.string(),
  /** Set by disconnect: the workspace keeps its tenant, but has no tokens until it reconnects. */
  disconnectedAt: z.string().nullable().default(null),
});
export type XeroBinding = z.infer<typeof XeroBinding>;

export function readBinding(ws: Workspace): XeroBinding | undefined {
  const text = ws.syncState.get(BINDING_KEY);
  if (!text) return undefined;
  try {
    const parsed = XeroBinding.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

export function writeBinding(ws: Workspace, binding: XeroBinding): void {
  ws.syncState.set(BINDING_KEY, JSON.stringify(XeroBinding.parse(binding)));
}
