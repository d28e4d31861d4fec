// Volume check: 50,000 accounts and 50,000 contacts replaced in a couple of seconds at most (times printed, not asserted).
import { performance } from 'node:perf_hooks';
import { expect, it } from 'vitest';
import { openWorkspace } from '../../src/main/db/index';
import { account, contact, rawOf, useTempDir } from './workspace-helpers';

const tmp = useTempDir();
const N = 50_000;

function timed<T>(label: string, fn: () => T): T {
  const start = performance.now();
  const result = fn();
  console.log(`${label}: ${(performance.now() - start).toFixed(0)} ms`);
  return result;
}

it(`replaces ${N.toLocaleString('en')} accounts and ${N.toLocaleString('en')} contacts`, () => {
  const ws = openWorkspace(tmp.file('big.reconciler'), { create: true });
  try {
    const accounts = Array.from({ length: N }, (_, i) => account(i + 1));
    const items = Array.from({ length: N }, (_, i) => {
      const c = contact(i + 1);
      return { contact: c, raw: rawOf(c) };
    });
    const cocoon = ws.imports.begin('cocoon', 'accounts.csv', null);
    const xero = ws.imports.begin('xero_file', 'contacts.csv', null);

    timed('accounts.replaceAll 50k', () => ws.accounts.replaceAll(cocoon, accounts));
    timed('accounts.replaceAll 50k again', () => ws.accounts.replaceAll(cocoon, accounts));
    timed('contacts.replaceAll 50k', () => ws.contacts.replaceAll(items, xero));
    timed('contacts.replaceAll 50k again', () => ws.contacts.replaceAll(items, xero));
    const listed = timed('accounts.list 50k', () => ws.accounts.list());
    const contacts = timed('contacts.list 50k', () => ws.contacts.list());

    expect(listed).toHaveLength(N);
    expect(listed[N - 1]).toEqual(accounts[N - 1]);
    expect(contacts).toHaveLength(N);
    expect(ws.contacts.byAccountNumber('C25000')).toHaveLength(1);
  } finally {
    ws.close();
  }
});
