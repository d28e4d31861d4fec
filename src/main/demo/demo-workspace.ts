// The built-in demo: a workspace made from demo/ (a CocoonOPS export, Xero's contacts, sales invoices and credit
// notes, and a CocoonOPS exceptions export), with a sandbox Xero seeded from the same Xero files running in-process.
// Kept between runs (decisions survive); `reset` starts it over.
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { openWorkspace } from '../db';
import { importCocoonFile, importXeroContactsFile } from '../imports/import-files';
import { importExceptionsFile } from '../exceptions/service';
import { recomputeFindings } from '../findings/recompute';
import { startSandbox, DEFAULT_CLIENT, DEMO_TENANT_ID, DEMO_TENANT_NAME, type RunningSandbox } from '../../sandbox';
import { parseSeed, type SeedData } from '../../sandbox/seed/seed-loader.js';

export const DEMO_FILES = {
  cocoon: 'cocoon.csv',
  xero: 'xero-contacts.json',
  invoices: 'xero-invoices.json',
  creditNotes: 'xero-credit-notes.json',
  exceptions: 'exceptions.csv',
} as const;

export interface DemoProgress {
  (message: string, done: number, total: number): void;
}

export function demoWorkspacePath(dataDir: string): string {
  return join(dataDir, 'demo', 'demo.reconciler');
}

/** The demo's Xero: its contacts, sales invoices and credit notes (GET response envelopes in demo/). */
export function demoSeed(demoDir: string): SeedData {
  const read = (file: string): SeedData => parseSeed(JSON.parse(readFileSync(join(demoDir, file), 'utf8')));
  return { ...read(DEMO_FILES.xero), ...read(DEMO_FILES.invoices), ...read(DEMO_FILES.creditNotes) };
}

/** The sandbox Xero of the demo, on a random loopback port, seeded with demoSeed. */
export async function startDemoSandbox(demoDir: string): Promise<RunningSandbox> {
  const sandbox = await startSandbox({
    autoApprove: true,
    // Any loopback redirect port: the demo's sign-in listens on a free one.
    clients: [{ ...DEFAULT_CLIENT, loopbackAnyPort: true }],
    tenants: [{ tenantId: DEMO_TENANT_ID, tenantName: DEMO_TENANT_NAME }],
  });
  sandbox.state.seed(DEMO_TENANT_ID, demoSeed(demoDir), 'replace');
  return sandbox;
}

/**
 * Builds the demo workspace unless it exists (or `reset`). The Xero side comes from `loadXero` (a sync from the
 * sandbox when the Xero connection is available: contacts, invoices and credit notes), else from the same contacts
 * as a Xero file import (no invoices: the invoice-number checks then say they cannot check). Then the CocoonOPS
 * export and its exceptions export are imported.
 */
export async function buildDemoWorkspace(options: {
  dataDir: string;
  demoDir: string;
  reset: boolean;
  onProgress: DemoProgress;
  loadXero?: (path: string) => Promise<void>;
}): Promise<{ path: string; created: boolean }> {
  const path = demoWorkspacePath(options.dataDir);
  if (existsSync(path) && !options.reset) return { path, created: false };
  mkdirSync(join(options.dataDir, 'demo'), { recursive: true });
  for (const p of [path, `${path}-wal`, `${path}-shm`]) rmSync(p, { force: true });
  const steps = 4;
  options.onProgress(options.loadXero ? 'Connecting to the sandbox Xero and syncing…' : 'Importing the Xero contacts…', 0, steps);
  if (options.loadXero) {
    openWorkspace(path, { create: true }).close();
    await options.loadXero(path);
  }
  const ws = openWorkspace(path, { create: !options.loadXero });
  try {
    if (!options.loadXero) await importXeroContactsFile(ws, join(options.demoDir, DEMO_FILES.xero), 'demo');
    options.onProgress('Importing the CocoonOPS export…', 1, steps);
    await importCocoonFile(ws, join(options.demoDir, DEMO_FILES.cocoon), {}, 'demo');
    options.onProgress('Matching…', 2, steps);
    recomputeFindings(ws);
    options.onProgress('Importing the CocoonOPS exceptions…', 3, steps);
    await importExceptionsFile(ws, join(options.demoDir, DEMO_FILES.exceptions), {}, 'demo');
    options.onProgress('Demo ready', 4, steps);
  } finally {
    ws.close();
  }
  return { path, created: true };
}
