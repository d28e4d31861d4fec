import { describe, expect, it } from 'vitest';
import { CHANNELS } from './channels';
import { EXCEPTIONS_CHANNELS } from './channels-exceptions';
import { contract } from './contract';
import { exceptionsContract } from './contract-exceptions';

const b64 = (s: string) => Buffer.from(s).toString('base64');

describe('the exceptions contract', () => {
  it('is part of the one contract, channel by channel', () => {
    expect(Object.keys(exceptionsContract).sort()).toEqual([...EXCEPTIONS_CHANNELS].sort());
    for (const c of EXCEPTIONS_CHANNELS) {
      expect(CHANNELS).toContain(c);
      expect(contract[c]).toBe(exceptionsContract[c]);
    }
  });

  it('filters the list by known playbooks, verdicts and a boolean only', () => {
    const list = contract['exceptions.list'].input;
    expect(list.parse({})).toEqual({});
    expect(list.safeParse({ playbook: 'invoice_number_unique', verdict: 'not_found', resolved: false }).success).toBe(true);
    expect(list.safeParse({ playbook: 'drop_tables' }).success).toBe(false);
    expect(list.safeParse({ verdict: 'maybe' }).success).toBe(false);
    expect(list.safeParse({ resolved: 'yes' }).success).toBe(false);
    expect(list.safeParse({ limit: 5 }).success).toBe(false);
  });

  it('wants a positive whole id for detail, resolve and re-check', () => {
    const detail = contract['exceptions.detail'].input;
    expect(detail.safeParse({ id: 3 }).success).toBe(true);
    for (const id of [0, -1, 1.5, '3', null]) expect(detail.safeParse({ id }).success).toBe(false);
    expect(detail.safeParse({}).success).toBe(false);
    const resolve = contract['exceptions.setResolved'].input;
    expect(resolve.safeParse({ id: 3, resolved: true, note: 'closed in CocoonOPS' }).success).toBe(true);
    expect(resolve.safeParse({ id: 3 }).success).toBe(false);
    expect(resolve.safeParse({ id: 3, resolved: 'true' }).success).toBe(false);
    expect(resolve.safeParse({ id: 3, resolved: true, note: 'x'.repeat(2001) }).success).toBe(false);
    expect(resolve.safeParse({ id: 3, resolved: true, by: 'me' }).success).toBe(false);
    const recheck = contract['exceptions.recheck'].input;
    expect(recheck.safeParse({}).success).toBe(true);
    expect(recheck.safeParse({ ids: [1, 2] }).success).toBe(true);
    expect(recheck.safeParse({ ids: [0] }).success).toBe(false);
    expect(recheck.safeParse({ ids: 'all' }).success).toBe(false);
  });

  it('takes one pasted message with an optional number and account', () => {
    const paste = contract['exceptions.paste'].input;
    expect(paste.parse({ message: '  Invoice # must be unique. ', number: ' INV-1 ' })).toEqual({
      message: 'Invoice # must be unique.',
      number: 'INV-1',
    });
    expect(paste.safeParse({ message: 'x', accountCode: 'ACME01', docType: 'credit_note' }).success).toBe(true);
    expect(paste.safeParse({ message: '' }).success).toBe(false);
    expect(paste.safeParse({ message: '   ' }).success).toBe(false);
    expect(paste.safeParse({}).success).toBe(false);
    expect(paste.safeParse({ message: 'x'.repeat(10_001) }).success).toBe(false);
    expect(paste.safeParse({ message: 'x', docType: 'receipt' }).success).toBe(false);
    expect(paste.safeParse({ message: 'x', number: 42 }).success).toBe(false);
    expect(paste.safeParse({ message: 'x', total: 12 }).success).toBe(false);
  });

  it('takes file bytes as base64 with known mapping fields', () => {
    for (const c of ['exceptions.previewImport', 'exceptions.import'] as const) {
      const input = contract[c].input;
      expect(input.safeParse({ fileName: 'e.csv', content: b64('Exception\nx\n') }).success).toBe(true);
      expect(input.safeParse({ fileName: 'e.csv', content: b64('a'), mapping: { message: 'Error', accountCode: null } }).success).toBe(
        true,
      );
      expect(input.safeParse({ fileName: 'e.csv', content: 'not base64!' }).success).toBe(false);
      expect(input.safeParse({ fileName: '', content: b64('a') }).success).toBe(false);
      expect(input.safeParse({ content: b64('a') }).success).toBe(false);
      expect(input.safeParse({ fileName: 'e.csv', content: b64('a'), mapping: { shoeSize: 'A' } }).success).toBe(false);
      expect(input.safeParse({ fileName: 'e.csv', content: b64('a'), path: '/etc/passwd' }).success).toBe(false);
    }
  });

  it('fills the checklist default', () => {
    const checklist = contract['exceptions.checklist'].input;
    expect(checklist.parse({})).toEqual({ includeResolved: false });
    expect(checklist.safeParse({ includeResolved: 1 }).success).toBe(false);
  });
});
