// readDecisionPayload: the plain check for payloads in the app's own shape gives what the schema gives, for every shape.
import { describe, expect, it } from 'vitest';
import { DecisionPayload, readDecisionPayload } from './decision-view';

const change = { target: 'xero', subject: 'c-1', field: 'Name', from: 'A', to: 'B' };

const SHAPES: unknown[] = [
  { changes: [change], contactUpdatedDateUtc: '2024-01-01T00:00:00.000Z' },
  { changes: [change, { ...change, target: 'cocoon', field: 'name' }], contactUpdatedDateUtc: null, otherUpdatedDateUtc: { 'c-2': 'x' } },
  { changes: [] },
  {},
  null,
  undefined,
  { changes: [{ ...change, extra: 1 }] },
  { changes: [{ ...change, target: 'elsewhere' }] },
  { changes: [{ ...change, to: 3 }] },
  { changes: 'none' },
  { changes: [change], contactUpdatedDateUtc: 5 },
  { changes: [change], otherUpdatedDateUtc: { 'c-2': 1 } },
  { changes: [change], otherUpdatedDateUtc: null },
  { changes: [change], note: 'another version wrote this' },
  [change],
  'text',
];

describe('readDecisionPayload', () => {
  it.each(SHAPES.map((s) => [JSON.stringify(s) ?? 'undefined', s]))('reads %s as the schema does', (_, shape) => {
    const parsed = DecisionPayload.safeParse(shape ?? {});
    expect(readDecisionPayload(shape)).toEqual(parsed.success ? parsed.data : null);
  });
});
