// A workspace with accepted decisions to push, against a sandbox on loopback: Xero contacts and CocoonOPS billing
// accounts made so the matcher finds, in turn, a name mismatch (suggested: rename in Xero), a missing code (set
// the AccountNumber) and an archived holder (restore it); the suggestions are accepted in bulk, as in the review.
import { join } from 'node:path';
import { openWorkspace, type Workspace } from '../../src/main/db';
import { applyBulk } from '../../src/main/review/decide';
import {
  createFileSecretStore,
  createMemorySecretStore,
  openXeroSession,
  RateLimiterRegistry,
  scaledClock,
  seededRandom,
  XERO_RATE_LIMITS,
  type Clock,
  type SecretStore,
  type XeroSession,
} from '../../src/main/xero';
import { syncWorkspace } from '../../src/main/findings/sync-workspace';
import { DEMO_TENANT_ID, type Json, type RunningSandbox } from '../../src/sandbox/index.js';
import type { adminClient } from '../../src/sandbox/testing/sandbox-client.js';
import type { BillingAccount } from '../../src/shared/domain';
import { sandbox, tempDir, signIn } from './xero-sandbox';

export const TENANT = DEMO_TENANT_ID;
export const contactId = (i: number): string => `00000007-0000-4000-8000-${String(i).padStart(12, '0')}`;
export const codeOf = (i: number): string => `K${String(i).padStart(6, '0')}`;
const msDate = (ms: number): string => `/Date(${ms}+0000)/`;
const BASE_MS = Date.UTC(2025, 5, 1);

export type Case = 'rename' | 'set_code' | 'restore';
export const caseOf = (i: number): Case => (['rename', 'set_code', 'restore'] as const)[i % 3]!;
export const accountName = (i: number): string => `Harbour ${i} Freight Pty Ltd`;

/** The Xero contact of account i, before any correction. */
export function xeroContact(i: number): Json {
  const c = caseOf(i);
  return {
    ContactID: contactId(i),
    Name: c === 'rename' ? `Harbour ${i} Freight Ltd` : accountName(i),
    AccountNumber: c === 'set_code' ? '' : codeOf(i),
    ContactStatus: c === 'restore' ? 'ARCHIVED' : 'ACTIVE',
    IsCustomer: true,
    IsSupplier: false,
    EmailAddress: `ar${i}@harbour${i}.example`,
    Addresses: [
      {
        AddressType: 'STREET',
        AddressLine1: `${i} Harbour Road`,
        City: 'Sydney',
        PostalCode: String(2000 + (i % 900)),
        Country: 'Australia',
      },
    ],
    Phones: [{ PhoneType: 'DEFAULT', PhoneNumber: `9${String(i).padStart(7, '0')}` }],
    UpdatedDateUTC: msDate(BASE_MS + i * 1000),
  };
}

/** What accepting the suggestion of account i must leave in Xero. */
export function planned(i: number): { Name: string; AccountNumber: string; ContactStatus: string } {
  return { Name: accountName(i), AccountNumber: codeOf(i), ContactStatus: 'ACTIVE' };
}

export function billingAccount(i: number, row: number): BillingAccount {
  return {
    row,
    code: codeOf(i),
    name: accountName(i),
    contactName: '',
    email: `ar${i}@harbour${i}.example`,
    phone: '',
    address: `${i} Harbour Road, Sydney`,
    postcode: String(2000 + (i % 900)),
    status: '',
  };
}

export function importAccounts(ws: Workspace, accounts: readonly BillingAccount[]): void {
  ws.transaction(() => {
    const id = ws.imports.begin('cocoon', 'accounts.csv', null);
    ws.accounts.replaceAll(id, accounts);
    ws.imports.complete(id, accounts.length);
  });
}

export interface OutboxWorld {
  sb: RunningSandbox & { admin: ReturnType<typeof adminClient> };
  ws: Workspace;
  path: string;
  dir: string;
  clock: Clock;
  /** The instant the scaled clocks agree on (pass it to a child process with --epoch). */
  epoch: number;
  scale: number;
  secrets: SecretStore;
  session: XeroSession;
  /** Contacts with no decision (left alone by every push). */
  bystanders: number[];
  /** The client's retry decisions (429 pauses, 5xx and broken-connection retries). */
  retries: { label: string; status: number; decision: string }[];
}

export interface WorldOptions {
  /** Accounts with a decision (contacts 0 … n-1). */
  n: number;
  /** Extra contacts nobody decides about. */
  bystanders?: number;
  /** Time runs this many times faster on both sides (default 60: a Xero minute per second). */
  scale?: number;
  /** Keep tokens in a file under dir/config (for the CLI in a child process). */
  fileSecrets?: boolean;
  /** Accept the suggestions (default true). */
  decide?: boolean;
  sandboxLimits?: Record<string, number>;
}

/** Sandbox seeded, workspace connected and synced, accounts imported, findings computed, suggestions accepted. */
export async function outboxWorld(o: WorldOptions): Promise<OutboxWorld> {
  const scale = o.scale ?? 60;
  const epoch = Date.now();
  const clock = scaledClock(scale, epoch);
  const sb = await sandbox({
    clock: () => clock.now(),
    limits: { accessTokenTtlSeconds: 30 * 86_400, refreshGraceMs: 86_400_000, ...o.sandboxLimits },
  });
  const extra = o.bystanders ?? 0;
  const all = Array.from({ length: o.n + extra }, (_, i) => i);
  sb.state.seed(TENANT, { Contacts: all.map(xeroContact) }, 'replace');
  const dir = tempDir('reconciler-outbox-');
  const path = join(dir, 'books.reconciler');
  const ws = openWorkspace(path, { create: true });
  const secrets = o.fileSecrets ? createFileSecretStore({ dir: join(dir, 'config') }) : createMemorySecretStore();
  await signIn(ws, sb, { secrets, clock });
  const retries: OutboxWorld['retries'] = [];
  const session = openXeroSession(ws, {
    standIn: sb.url,
    secrets,
    clock,
    limiters: new RateLimiterRegistry(XERO_RATE_LIMITS, clock),
    random: seededRandom(7),
    onRetry: (e) => retries.push(e),
  });
  importAccounts(
    ws,
    all.slice(0, o.n).map((i) => billingAccount(i, i + 1)),
  );
  await syncWorkspace(ws, session.client, { clock });
  if (o.decide ?? true) applyBulk(ws, { accountCodes: all.slice(0, o.n).map(codeOf), action: 'suggested' });
  return { sb, ws, path, dir, clock, epoch, scale, secrets, session, bystanders: all.slice(o.n), retries };
}

/** A contact as the sandbox holds it now (GET shape). */
export function sandboxContact(sb: RunningSandbox, i: number | string): Json {
  const s = sb.state.get(TENANT, 'Contacts', typeof i === 'number' ? contactId(i) : i);
  if (!s) throw new Error(`no contact ${i}`);
  return sb.state.render(s);
}

/** Counts the sandbox's contact writes per contact id (seeding excluded: call after seeding). */
export function countWrites(sb: RunningSandbox): { counts: Map<string, number>; stop(): void } {
  const counts = new Map<string, number>();
  const state = sb.state;
  const original = state.save.bind(state);
  state.save = (tenantId, coll, data, updatedMs) => {
    const stored = original(tenantId, coll, data, updatedMs);
    if (coll === 'Contacts') counts.set(stored.id, (counts.get(stored.id) ?? 0) + 1);
    return stored;
  };
  return { counts, stop: () => void (state.save = original) };
}
