import { describe, expect, it } from 'vitest';
import { describeConflict, targetState } from './compare';
import { elementFor, imageOf } from './model';

const reviewed = {
  ContactID: 'x',
  Name: 'Acme Ltd',
  AccountNumber: '',
  ContactStatus: 'ACTIVE',
  UpdatedDateUTC: '/Date(1750000000000+0000)/',
};
const correction = {
  changes: [{ field: 'AccountNumber', from: '', to: 'ACME01' }],
  before: reviewed,
  reviewedUpdatedUtc: '2025-06-15T15:06:40.000Z',
};

describe('targetState (the re-read before a write, and after an interruption)', () => {
  it('untouched: the version that was reviewed', () => {
    expect(targetState(reviewed, correction)).toBe('untouched');
  });

  it('applied: every planned field holds its new value, whatever the timestamp', () => {
    expect(targetState({ ...reviewed, AccountNumber: 'ACME01', UpdatedDateUTC: '/Date(1760000000000+0000)/' }, correction)).toBe('applied');
  });

  it('changed: a newer version without the planned values (a conflict)', () => {
    const now = { ...reviewed, EmailAddress: 'new@acme.example', UpdatedDateUTC: '/Date(1760000000000+0000)/' };
    expect(targetState(now, correction)).toBe('changed');
    expect(describeConflict({ ...now, Name: 'Acme Holdings' }, correction)).toMatch(/Name "Acme Ltd" → "Acme Holdings".*not overwritten/);
  });

  it('missing: Xero no longer has it', () => {
    expect(targetState(undefined, correction)).toBe('missing');
  });

  it('without timestamps, compares the fields the outbox writes', () => {
    const noStamp = { changes: correction.changes, before: { ...reviewed, UpdatedDateUTC: undefined }, reviewedUpdatedUtc: '' };
    expect(targetState({ ...reviewed, UpdatedDateUTC: undefined }, noStamp)).toBe('untouched');
    expect(targetState({ ...reviewed, Name: 'Other', UpdatedDateUTC: undefined }, noStamp)).toBe('changed');
  });

  it('a missing ContactStatus reads as ACTIVE; names are compared trimmed', () => {
    const restore = {
      changes: [
        { field: 'ContactStatus', from: 'ARCHIVED', to: 'ACTIVE' },
        { field: 'Name', from: 'a', to: 'Acme Ltd' },
      ],
      before: reviewed,
      reviewedUpdatedUtc: '',
    };
    expect(targetState({ ContactID: 'x', Name: ' Acme Ltd ' }, restore)).toBe('applied');
  });
});

describe('elements and images', () => {
  it('writes only the edited fields, in a fixed order', () => {
    expect(
      Object.keys(
        elementFor('x', [
          { field: 'ContactStatus', from: 'ARCHIVED', to: 'ACTIVE' },
          { field: 'Name', from: 'a', to: 'b' },
        ]),
      ),
    ).toEqual(['ContactID', 'Name', 'ContactStatus']);
    expect(elementFor('x', [{ field: 'AccountNumber', from: 'A1', to: '' }])).toEqual({ ContactID: 'x', AccountNumber: '' });
  });

  it('reads the compact image with the ISO UpdatedDateUTC', () => {
    expect(imageOf(reviewed)).toEqual({
      contactId: 'x',
      name: 'Acme Ltd',
      accountNumber: '',
      status: 'ACTIVE',
      updatedDateUtc: '2025-06-15T15:06:40.000Z',
    });
  });
});
