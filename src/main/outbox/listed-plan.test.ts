// The Push screen's plan: every blocked change and the first PLAN_LISTED of the rest; the counts are the whole plan's.
import { describe, expect, it } from 'vitest';
import { PLAN_LISTED, type PlanItem, type PushPlan } from '../../shared/contract-outbox';
import { pushSummary, writtenCounts } from '../../shared/push-summary';
import { listedPlan } from './plan';

const item = (i: number, blocked: string | null = null): PlanItem => ({
  correctionId: i,
  accountCode: `A${i}`,
  contactId: `c${i}`,
  contactName: `Contact ${i}`,
  kind: 'rename',
  changes: [{ field: 'Name', from: `Old ${i}`, to: `New ${i}` }],
  blocked,
});

describe('listedPlan', () => {
  it('keeps every blocked change and the first PLAN_LISTED of the rest, in order; the counts stay the whole plan’s', () => {
    const items = Array.from({ length: PLAN_LISTED + 100 }, (_, i) => item(i, i % 200 === 7 ? 'held back' : null));
    const blocked = items.filter((i) => i.blocked).length;
    const plan = {
      toSend: items.length - blocked,
      blocked,
      written: writtenCounts(items),
      items,
      resuming: 0,
      contacts: items.length - blocked,
      organisation: null,
      whatIf: { failingNow: 0, afterPush: { failing: 0, fixed: 0, broken: [] }, afterChecklist: { failing: 0, fixed: 0, broken: [] } },
    } as unknown as PushPlan;
    const listed = listedPlan(plan);
    expect(listed.items.filter((i) => i.blocked)).toHaveLength(blocked);
    expect(listed.items.filter((i) => !i.blocked)).toEqual(items.filter((i) => !i.blocked).slice(0, PLAN_LISTED));
    expect(listed.items.map((i) => i.correctionId)).toEqual([...listed.items.map((i) => i.correctionId!)].sort((a, b) => a - b));
    // The confirmation counts what the push writes, not what is listed.
    expect(pushSummary(listed)!.kinds).toEqual([expect.objectContaining({ kind: 'rename', count: items.length - blocked })]);
  });
});
