import { describe, expect, it } from 'vitest';
import { CHANNELS, EVENTS } from './channels';
import { contract, events } from './contract';

describe('the contract', () => {
  it('has input and output schemas for every channel, and a payload schema for every event', () => {
    expect(Object.keys(contract).sort()).toEqual([...CHANNELS].sort());
    expect(Object.keys(events).sort()).toEqual([...EVENTS].sort());
    for (const c of CHANNELS) expect(c).toMatch(/^[a-z]+\.[a-zA-Z]+$/);
  });

  it('refuses unknown fields on calls that take nothing', () => {
    expect(contract['app.info'].input.safeParse({}).success).toBe(true);
    expect(contract['findings.list'].input.safeParse({ evil: 1 }).success).toBe(false);
    expect(contract['workspace.status'].input.safeParse(null).success).toBe(false);
  });

  it('refuses malformed decisions', () => {
    const apply = contract['decisions.apply'].input;
    expect(apply.safeParse({ accountCode: 'C1', action: 'rename_in_xero' }).success).toBe(true);
    expect(apply.safeParse({ accountCode: '', action: 'rename_in_xero' }).success).toBe(false);
    expect(apply.safeParse({ accountCode: '   ', action: 'ignore' }).success).toBe(false);
    expect(apply.safeParse({ accountCode: 'C1', action: 'delete_everything' }).success).toBe(false);
    expect(apply.safeParse({ accountCode: 'C1' }).success).toBe(false);
    expect(apply.safeParse({ accountCode: 42, action: 'ignore' }).success).toBe(false);
    expect(apply.safeParse({ accountCode: 'C1', action: 'ignore', note: 'x'.repeat(2001) }).success).toBe(false);
    expect(apply.safeParse({ accountCode: 'C1', action: 'ignore', extra: true }).success).toBe(false);
  });

  it('fills defaults and refuses empty bulk selections', () => {
    const bulk = contract['decisions.bulkPreview'].input;
    expect(bulk.parse({ accountCodes: ['A'] })).toEqual({
      accountCodes: ['A'],
      action: 'suggested',
      includeNameLoss: false,
      replaceAccountNumbers: false,
    });
    expect(bulk.safeParse({ accountCodes: [] }).success).toBe(false);
    expect(bulk.safeParse({ accountCodes: ['A'], action: 'bogus' }).success).toBe(false);
    expect(contract['workspace.open'].input.parse({ path: '/x.reconciler' })).toEqual({ path: '/x.reconciler', create: false });
    expect(contract['contacts.search'].input.parse({ query: 'acme' })).toEqual({ query: 'acme', limit: 20 });
    expect(contract['contacts.search'].input.safeParse({ query: 'acme', limit: 1000 }).success).toBe(false);
  });

  it("answers a bulk apply with counts, not the skipped accounts' list", () => {
    const applied = contract['decisions.bulkApply'].output;
    const answer = { applied: 2, skipped: 8476, decisions: [], batchId: 3 };
    expect(applied.parse(answer)).toEqual(answer);
    expect(applied.safeParse({ ...answer, skipped: [{ accountCode: 'A', reason: 'already decided' }] }).success).toBe(false);
    expect(applied.safeParse({ ...answer, skipped: -1 }).success).toBe(false);
    expect(applied.safeParse({ ...answer, skipped: 1.5 }).success).toBe(false);
  });

  it('accepts only base64 file content and known mapping fields', () => {
    const preview = contract['imports.previewCocoon'].input;
    expect(preview.safeParse({ fileName: 'a.csv', content: Buffer.from('a,b\n').toString('base64') }).success).toBe(true);
    expect(preview.safeParse({ fileName: 'a.csv', content: 'not base64!' }).success).toBe(false);
    expect(preview.safeParse({ fileName: '', content: '' }).success).toBe(false);
    expect(preview.safeParse({ fileName: 'a.csv', content: '', mapping: { code: 'Acct' } }).success).toBe(true);
    expect(preview.safeParse({ fileName: 'a.csv', content: '', mapping: { shoeSize: 'Acct' } }).success).toBe(false);
  });

  it('checks event payloads', () => {
    expect(events.progress.safeParse({ task: 'sync', message: 'x', done: 1, total: null }).success).toBe(true);
    expect(events.progress.safeParse({ task: 'nap', message: 'x', done: 1, total: null }).success).toBe(false);
    expect(events['xero.signIn'].safeParse({ url: 'not a url' }).success).toBe(false);
  });
});

describe('zod-free copies for the renderer', () => {
  it('list the same kinds as the domain', async () => {
    const { FINDING_KINDS, FAILING_KINDS } = await import('./domain');
    const { KINDS, FAILING } = await import('./decision-rules');
    expect([...KINDS]).toEqual([...FINDING_KINDS]);
    expect([...FAILING]).toEqual([...FAILING_KINDS]);
  });
});
