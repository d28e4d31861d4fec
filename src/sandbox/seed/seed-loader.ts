// Reads a tenant's seed folder: contacts.json, invoices.json, credit-notes.json (GET response envelopes, or bare
// arrays). A missing file means no records of that kind.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import type { Collection, Json } from '../types.js';

const FILES: Record<Collection, string> = {
  Contacts: 'contacts.json',
  Invoices: 'invoices.json',
  CreditNotes: 'credit-notes.json',
};

const Records = z.array(z.record(z.string(), z.unknown()));

export type SeedData = Partial<Record<Collection, Json[]>>;

/** Accepts `{Contacts:[…]}`-style envelopes (any of the three collections) or a bare array for `coll`. */
export function parseSeed(value: unknown, coll?: Collection): SeedData {
  if (Array.isArray(value) && coll) return { [coll]: Records.parse(value) };
  const obj = z.record(z.string(), z.unknown()).parse(value);
  const out: SeedData = {};
  for (const c of Object.keys(FILES) as Collection[]) if (obj[c] !== undefined) out[c] = Records.parse(obj[c]);
  return out;
}

export function loadSeedDir(dir: string): SeedData {
  const out: SeedData = {};
  for (const [coll, file] of Object.entries(FILES) as [Collection, string][]) {
    const path = join(dir, file);
    if (!existsSync(path)) continue;
    try {
      out[coll] = parseSeed(JSON.parse(readFileSync(path, 'utf8')), coll)[coll] ?? [];
    } catch (e) {
      throw new Error(`sandbox seed ${path}: ${e instanceof Error ? e.message : String(e)}`, { cause: e });
    }
  }
  return out;
}
