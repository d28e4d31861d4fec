// The undo's confirmation in words: each correction's account and contact, each field "now → back to" (spacing-only
// differences said), the organisation (a never-connected workspace writes to "Xero"), and the confirming label.
import { describe, expect, it } from 'vitest';
import type { CorrectionView } from './contract-outbox';
import { undoConfirmLabel, undoOfCorrections, undoOfDecision } from './undo-summary';

const image = (name: string) => ({ contactId: 'c1', name, accountNumber: 'A1', status: 'ACTIVE', updatedDateUtc: '' });
const correction = (over: Partial<CorrectionView>): CorrectionView => ({
  id: 7,
  decisionId: 3,
  accountCode: 'A1',
  accountName: 'Acme Freight Pty Ltd',
  target: 'xero',
  subject: 'c1',
  kind: 'rename',
  changes: [{ field: 'Name', from: 'Acme Freight', to: 'Acme Freight Pty Ltd' }],
  status: 'done',
  attempts: 1,
  idempotencyKey: 'k',
  message: '',
  advice: '',
  findingKind: 'name_mismatch',
  reviewed: image('Acme Freight'),
  current: null,
  after: image('Acme Freight Pty Ltd'),
  undoesId: null,
  createdAt: '',
  updatedAt: '',
  doneAt: '',
  canUndo: true,
  contactName: 'Acme Freight Pty Ltd',
  ...over,
});

describe('undoOfCorrections', () => {
  it('lists each field as its value now and the value it goes back to, with the contact as Xero names it now', () => {
    const s = undoOfCorrections([correction({})], { tenantName: 'Acme Books', sandbox: false });
    expect(s).toEqual({
      organisation: 'Acme Books',
      sandbox: false,
      changes: 1,
      items: [
        {
          account: 'A1 Acme Freight Pty Ltd',
          contact: 'Acme Freight Pty Ltd',
          fields: [{ field: 'Name', now: 'Acme Freight Pty Ltd', back: 'Acme Freight', unseen: '' }],
        },
      ],
    });
    expect(undoConfirmLabel(s)).toBe('Write back 1 change to Acme Books');
  });

  it('says when only the spacing differs, and names "Xero" for a workspace never connected', () => {
    const s = undoOfCorrections(
      [correction({ changes: [{ field: 'Name', from: 'Columbia  Explorers', to: 'Columbia Explorers' }] }), correction({ id: 8 })],
      null,
    );
    expect(s.items[0]!.fields[0]!.unseen).toBe('(only the spacing differs: one space → two spaces after “Columbia”)');
    expect(s).toMatchObject({ organisation: 'Xero', sandbox: false, changes: 2 });
    expect(undoConfirmLabel(s)).toBe('Write back 2 changes to Xero');
  });
});

describe('undoOfDecision', () => {
  it('lists what each undoable correction wrote, per contact, as "now → back to"', () => {
    const names: Record<string, string> = { c1: 'Lutheran Day Nursery School' };
    const s = undoOfDecision(
      'C01079 Lutheran Day Nursery',
      [
        { subject: 'c1', changes: [{ field: 'AccountNumber', from: '', to: 'C01079' }] },
        { subject: 'c1', changes: [{ field: 'Name', from: 'Lutheran  Day Nursery School', to: 'Lutheran Day Nursery School' }] },
        { subject: 'c2', changes: [{ field: 'Name', from: 'Old', to: 'New' }] },
      ],
      (id) => names[id],
      { tenantName: 'Demo', sandbox: true },
    );
    expect(s).toEqual({
      organisation: 'Demo',
      sandbox: true,
      changes: 3,
      items: [
        {
          account: 'C01079 Lutheran Day Nursery',
          contact: 'Lutheran Day Nursery School',
          fields: [
            { field: 'AccountNumber', now: 'C01079', back: '', unseen: '' },
            {
              field: 'Name',
              now: 'Lutheran Day Nursery School',
              back: 'Lutheran  Day Nursery School',
              unseen: '(only the spacing differs: one space → two spaces after “Lutheran”)',
            },
          ],
        },
        { account: 'C01079 Lutheran Day Nursery', contact: 'c2', fields: [{ field: 'Name', now: 'New', back: 'Old', unseen: '' }] },
      ],
    });
  });
});
