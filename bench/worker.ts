// One measured engine run in its own process, so its time and peak RSS are its own.
// Usage: node --import tsx bench/worker.ts --engine ours|baseline --data DIR --out FILE [--sample N] [--seed S]
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { BillingAccount, MatchResult, XeroContact } from '../src/shared/domain';
import { createBaseline } from './baseline';
import { readDataset } from './lib/readers';
import { Rng } from './lib/prng';

export interface WorkerStats {
  engine: string;
  accounts: number;
  contacts: number;
  /** Accounts actually matched (a sample when `sampled`). */
  matched: number;
  sampled: boolean;
  readMs: number;
  /** Index building (baseline: code map + Fuse index; ours: inside matchMs). */
  buildMs: number;
  matchMs: number;
  /** buildMs + matchMs, scaled to all accounts when sampled. */
  totalMs: number;
  maxRssMb: number;
}

export interface WorkerOutput {
  stats: WorkerStats;
  sampleCodes: string[] | null;
  predictions: { accountCode: string; kind: string; xeroContactId: string | null; codeHolderId: string | null }[];
  xeroFindings: number;
}

type MatchFn = (accounts: readonly BillingAccount[], contacts: readonly XeroContact[]) => MatchResult;

/** The matcher, loaded only for the `ours` engine (so the baseline's process does not pay for it). */
async function loadMatcher(): Promise<MatchFn> {
  const mod = await import('../src/main/matching/index');
  return mod.matchAccounts;
}

/** A deterministic sample of `n` accounts, kept in file order. */
export function sampleAccounts<T>(accounts: readonly T[], n: number, seed: number): T[] {
  if (n >= accounts.length) return [...accounts];
  const idx = new Rng(seed)
    .shuffle(accounts.map((_, i) => i))
    .slice(0, n)
    .sort((a, b) => a - b);
  return idx.map((i) => accounts[i] as T);
}

async function main(): Promise<void> {
  const args = new Map<string, string>();
  const argv = process.argv.slice(2);
  for (let i = 0; i < argv.length; i += 2) args.set((argv[i] as string).replace(/^--/, ''), argv[i + 1] ?? '');
  const engine = args.get('engine') ?? 'ours';
  const dir = args.get('data');
  const out = args.get('out');
  if (!dir || !out || (engine !== 'ours' && engine !== 'baseline'))
    throw new Error('usage: worker.ts --engine ours|baseline --data DIR --out FILE [--sample N]');
  const sampleSize = Number(args.get('sample') ?? 0);

  const match = engine === 'ours' ? await loadMatcher() : null;
  const t0 = performance.now();
  const { accounts, contacts } = await readDataset(dir);
  const t1 = performance.now();
  const sampled = sampleSize > 0 && sampleSize < accounts.length;
  const input = sampled ? sampleAccounts(accounts, sampleSize, Number(args.get('seed') ?? 7)) : accounts;

  let result: MatchResult;
  let t2: number;
  if (engine === 'baseline') {
    const baseline = createBaseline(contacts);
    t2 = performance.now();
    result = baseline.match(input);
  } else {
    t2 = performance.now();
    result = (match as MatchFn)(input, contacts);
  }
  const t3 = performance.now();
  const buildMs = t2 - t1;
  const matchMs = t3 - t2;
  const stats: WorkerStats = {
    engine,
    accounts: accounts.length,
    contacts: contacts.length,
    matched: input.length,
    sampled,
    readMs: Math.round(t1 - t0),
    buildMs: Math.round(buildMs),
    matchMs: Math.round(matchMs),
    totalMs: Math.round(buildMs + (sampled ? (matchMs * accounts.length) / input.length : matchMs)),
    maxRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
  };
  const output: WorkerOutput = {
    stats,
    sampleCodes: sampled ? input.map((a) => a.code) : null,
    predictions: result.findings.map((f) => ({
      accountCode: f.accountCode,
      kind: f.kind,
      xeroContactId: f.xeroContactId,
      codeHolderId: f.codeHolderId,
    })),
    xeroFindings: result.xeroFindings.length,
  };
  writeFileSync(out, JSON.stringify(output));
  process.stdout.write(`${JSON.stringify(stats)}\n`);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  main().catch((e: unknown) => {
    console.error(e instanceof Error ? (e.stack ?? e.message) : e);
    process.exit(1);
  });
}
