// What the review app needs from the Xero connection (src/main/xero): connect (PKCE sign-in, bound to a
// workspace) and sync. Behind an interface so the app works, and says why, when it has no Xero connection.
import type { Workspace } from '../db';
import { AppError } from '../../shared/app-error';
import type { XeroAccountingClient } from './api/accounting-client';

export interface ProgressLine {
  message: string;
  done: number;
  total: number | null;
}

export interface XeroPort {
  /** Why connect and sync cannot run (null when they can). */
  unavailableReason(): string | null;
  /** Runs the PKCE sign-in and binds `ws` to the organisation chosen. */
  connect(ws: Workspace, options: { signal?: AbortSignal }): Promise<{ tenantId: string; tenantName: string }>;
  /** Syncs the workspace's Xero side (contacts, invoices, credit notes); findings are recomputed by the caller. */
  sync(
    ws: Workspace,
    options: { signal: AbortSignal; onProgress: (p: ProgressLine) => void; allowShrink?: boolean },
  ): Promise<{ contacts: number }>;
  /** The Accounting client of the workspace's organisation (shared rate limiter); throws when not connected. */
  accountingClient(ws: Workspace): Promise<XeroAccountingClient>;
}

export function unavailableXero(reason: string): XeroPort {
  const refuse = (): never => {
    throw new AppError('unavailable', reason);
  };
  return {
    unavailableReason: () => reason,
    connect: async () => refuse(),
    sync: async () => refuse(),
    accountingClient: async () => refuse(),
  };
}
