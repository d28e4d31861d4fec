// The push's confirmation in words: counts per kind of change (blocked ones left out), the organisation, the
// sandbox said plainly, thousands grouped, and nothing to confirm when nothing would be written.
import { describe, expect, it } from 'vitest';
import type { PlanItem, PushPlan } from './contract-outbox';
import { breakWarnings, confirmLabel, organisationLine, pushSummary, summaryLine, writtenCounts } from './push-summary';

const item = (kind: PlanItem['kind'], field: string, to: string, blocked: string | null = null): PlanItem => ({
  correctionId: null,
  accountCode: 'A1',
  contactId: 'c1',
  contactName: 'Acme',
  kind,
  changes: [{ field, from: 'x', to }],
  blocked,
});

function plan(items: PlanItem[], over: Partial<PushPlan> = {}): PushPlan {
  const sendable = items.filter((i) => !i.blocked);
  return {
    computedAt: '2026-03-01T00:00:00.000Z',
    organisation: { tenantName: 'Acme Freight', sandbox: false },
    toSend: sendable.length,
    contacts: sendable.length,
    byKind: {},
    written: writtenCounts(items),
    items,
    blocked: items.length - sendable.length,
    conflicts: 0,
    failed: 0,
    resuming: 0,
    whatIf: {
      failingNow: 0,
      afterPush: { failing: 0, fixed: 0, broken: [] },
      afterChecklist: { failing: 0, fixed: 0, broken: [] },
      stillFailing: [],
      decidedStillFailing: 0,
    },
    checklistOpen: 0,
    notReady: null,
    ...over,
  };
}

const times = (n: number, make: () => PlanItem): PlanItem[] => Array.from({ length: n }, make);

describe('pushSummary', () => {
  it('counts what will be written per kind, in a fixed order, leaving out what the checks block', () => {
    const items = [
      ...times(12, () => item('restore', 'ContactStatus', 'ACTIVE')),
      ...times(1_087, () => item('rename', 'Name', 'Acme Pty Ltd')),
      ...times(40, () => item('account_number', 'AccountNumber', 'K1')),
      ...times(2, () => item('account_number', 'AccountNumber', '')),
      ...times(5, () => item('rename', 'Name', 'Taken', 'Xero would refuse it')),
      item('undo', 'Name', 'Acme'),
    ];
    const s = pushSummary(plan(items, { contacts: 1_100 }))!;
    expect(s).toMatchObject({ organisation: 'Acme Freight', sandbox: false, changes: 1_142, contacts: 1_100, resuming: 0 });
    expect(s.kinds.map((k) => [k.kind, k.count])).toEqual([
      ['rename', 1_087],
      ['account_number', 40],
      ['account_number_cleared', 2],
      ['restore', 12],
      ['undo', 1],
    ]);
    expect(summaryLine(s)).toBe(
      '1,087 contacts renamed · 40 AccountNumbers set · 2 AccountNumbers cleared · 12 contacts restored · 1 earlier change undone',
    );
    expect(confirmLabel(s)).toBe('Write 1,142 changes to Acme Freight');
    expect(organisationLine(s)).toMatch(/^Acme Freight is a live Xero organisation/);
  });

  it('one of a kind reads in the singular; a sandbox says it is not a real organisation', () => {
    const s = pushSummary(plan([item('rename', 'Name', 'B')], { organisation: { tenantName: 'Demo Company (AU)', sandbox: true } }))!;
    expect(summaryLine(s)).toBe('1 contact renamed');
    expect(confirmLabel(s)).toBe('Write 1 change to Demo Company (AU)');
    expect(organisationLine(s)).toBe('Demo Company (AU) is a sandbox Xero (a stand-in for practice), not a real organisation.');
  });

  it('changes of an interrupted push count as writes; nothing to write means nothing to confirm', () => {
    expect(pushSummary(plan([], { resuming: 3 }))).toMatchObject({ changes: 3, kinds: [], resuming: 3 });
    expect(pushSummary(plan([]))).toBeNull();
    expect(pushSummary(plan([item('rename', 'Name', 'B', 'blocked')]))).toBeNull();
  });

  it('a workspace never connected names Xero itself', () => {
    expect(pushSummary(plan([item('restore', 'ContactStatus', 'ACTIVE')], { organisation: null }))).toMatchObject({
      organisation: 'Xero',
      sandbox: false,
    });
  });

  it('warns that the push makes accounts that pass today fail: until the checklist is done, or even then', () => {
    const whatIf = (afterPush: string[], afterChecklist: string[]): Partial<PushPlan> => ({
      whatIf: {
        failingNow: 344,
        afterPush: { failing: 198, fixed: 155, broken: afterPush },
        afterChecklist: { failing: 110, fixed: 240, broken: afterChecklist },
        stillFailing: [],
        decidedStillFailing: 0,
      },
    });
    const nine = ['C01079', 'C00697', 'ARMO01', 'C00250', '176054', 'C00328', 'SEWARD01', 'C00440', '743050'];
    const s = pushSummary(plan([item('rename', 'Name', 'B')], whatIf(nine, [])))!;
    expect(s.breaks).toEqual({ untilChecklist: nine, forGood: [] });
    expect(breakWarnings(s)).toEqual([
      "This push makes 9 accounts that pass today fail on the next sync until the checklist's steps are done: C01079, C00697, ARMO01, C00250, 176054 and 4 more. Do their steps before CocoonOPS next syncs.",
    ]);
    const one = pushSummary(plan([item('rename', 'Name', 'B')], whatIf(['C01079', 'K9'], ['K9', 'K7'])))!;
    expect(breakWarnings(one)).toEqual([
      "This push makes 1 account that passes today fail on the next sync until the checklist's steps are done: C01079. Do its step before CocoonOPS next syncs.",
      'This push makes 1 account that passes today fail, and the checklist does not make it pass again: K9. Look at it before you write.',
    ]);
    expect(breakWarnings(pushSummary(plan([item('rename', 'Name', 'B')]))!)).toEqual([]);
  });
});
