// What a push will write, in a bookkeeper's words: the name of each kind of correction, the Xero organisation the
// push writes to, and the plan counted per kind of change ("87 contacts renamed · 40 AccountNumbers set"). One table
// for the app's Push screen and confirmation and for `reconciler push`. Pure.
import type { CorrectionKind, PlanItem, PushOrganisation, PushPlan } from './contract-outbox';

/** A correction kind, as the Push screen's results and the plan export name one correction (findings have FINDING_KIND_LABELS). */
export const CORRECTION_KIND_LABELS: Record<CorrectionKind, string> = {
  rename: 'Rename the Xero contact',
  account_number: 'Set or clear the AccountNumber',
  restore: 'Restore an archived contact',
  undo: 'Undo an earlier change',
  make_customer: 'Make a customer (Xero web app)',
  free_number: 'Free an archived contact’s AccountNumber (Xero web app)',
  cocoon_rename: 'Rename in CocoonOPS',
  cocoon_recode: 'Recode in CocoonOPS',
  resend: 'Re-send invoices (CocoonOPS)',
};

/** The kinds of change a push writes, as the plan's summary counts them, in its order: [one, many]. */
const WRITTEN_COUNT_WORDS = {
  rename: ['contact renamed', 'contacts renamed'],
  account_number: ['AccountNumber set', 'AccountNumbers set'],
  account_number_cleared: ['AccountNumber cleared', 'AccountNumbers cleared'],
  restore: ['contact restored', 'contacts restored'],
  undo: ['earlier change undone', 'earlier changes undone'],
} as const satisfies Record<string, readonly [string, string]>;
export type WrittenKind = keyof typeof WRITTEN_COUNT_WORDS;

/** 1,234 (the same grouping in the app and the command, whatever the machine's locale). */
export const formatCount = (n: number): string => n.toLocaleString('en-US');

export const counted = (n: number, one: string, many = `${one}s`): string => `${formatCount(n)} ${n === 1 ? one : many}`;

/** The plan's sendable corrections by what they write (PushPlan.written). */
export function writtenCounts(items: readonly Pick<PlanItem, 'kind' | 'changes' | 'blocked'>[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const item of items) {
    const kind = item.blocked ? null : writtenKind(item);
    if (kind) counts[kind] = (counts[kind] ?? 0) + 1;
  }
  return counts;
}

function writtenKind(item: Pick<PlanItem, 'kind' | 'changes'>): WrittenKind | null {
  if (item.kind === 'account_number')
    return item.changes.some((c) => c.field === 'AccountNumber' && c.to === '') ? 'account_number_cleared' : 'account_number';
  return item.kind in WRITTEN_COUNT_WORDS ? (item.kind as WrittenKind) : null;
}

export interface PushSummary {
  /** The Xero organisation written to ("Xero" when the workspace was never connected). */
  organisation: string;
  /** A sandbox (the demo's, or `reconciler sandbox`), not a real Xero organisation. */
  sandbox: boolean;
  /** Changes to write: the plan's sendable corrections plus those of an interrupted push finished first. */
  changes: number;
  /** Contacts the sendable corrections write. */
  contacts: number;
  kinds: { kind: WrittenKind; count: number; text: string }[];
  /** Changes of an interrupted push, re-checked in Xero and finished first. */
  resuming: number;
  /** Accounts that pass today and fail after the push (the plan's what-if), by whether the checklist's steps make them pass again. */
  breaks: PushBreaks;
}

export interface PushBreaks {
  /** Fail after the push until the checklist's steps are done (e.g. the CocoonOPS rename completing a fix). */
  untilChecklist: string[];
  /** Fail after the push and still after the checklist's steps. */
  forGood: string[];
}

/** The organisation a write goes to, as the confirmations name it ("Xero" when the workspace was never connected). */
export const organisationOf = (org: PushOrganisation | null): Pick<PushSummary, 'organisation' | 'sandbox'> => ({
  organisation: org?.tenantName || 'Xero',
  sandbox: org?.sandbox ?? false,
});

/** The plan as the confirmation shows it: null when the push would write nothing. */
export function pushSummary(plan: PushPlan): PushSummary | null {
  const changes = plan.toSend + plan.resuming;
  if (changes === 0) return null;
  const counts = plan.written;
  const kinds = (Object.keys(WRITTEN_COUNT_WORDS) as WrittenKind[])
    .filter((k) => (counts[k] ?? 0) > 0)
    .map((kind) => {
      const count = counts[kind]!;
      const [one, many] = WRITTEN_COUNT_WORDS[kind];
      return { kind, count, text: counted(count, one, many) };
    });
  return {
    ...organisationOf(plan.organisation),
    changes,
    contacts: plan.contacts,
    kinds,
    resuming: plan.resuming,
    breaks: breaksOf(plan.whatIf),
  };
}

function breaksOf(w: PushPlan['whatIf']): PushBreaks {
  const after = new Set(w.afterChecklist.broken);
  return {
    untilChecklist: w.afterPush.broken.filter((code) => !after.has(code)),
    forGood: w.afterPush.broken.filter((code) => after.has(code)),
  };
}

/** "C01079, C00697, ARMO01, C00250, 176054 and 4 more". */
export function someCodes(codes: readonly string[], shown = 5): string {
  const head = codes.slice(0, shown).join(', ');
  return codes.length > shown ? `${head} and ${formatCount(codes.length - shown)} more` : head;
}

/**
 * What the push breaks, said before it is confirmed: accounts that pass today and will fail on the next sync once
 * it is written, until the checklist's steps are done, or even then. Empty when it breaks nothing.
 */
export function breakWarnings(s: Pick<PushSummary, 'breaks'>): string[] {
  const { untilChecklist: until, forGood } = s.breaks;
  const them = (n: number, one: string, many: string) => (n === 1 ? one : many);
  const lines: string[] = [];
  if (until.length > 0)
    lines.push(
      `This push makes ${counted(until.length, 'account')} that ${them(until.length, 'passes', 'pass')} today fail on the next sync until the checklist's steps are done: ${someCodes(until)}. Do ${them(until.length, 'its step', 'their steps')} before CocoonOPS next syncs.`,
    );
  if (forGood.length > 0)
    lines.push(
      `This push makes ${counted(forGood.length, 'account')} that ${them(forGood.length, 'passes', 'pass')} today fail, and the checklist does not make ${them(forGood.length, 'it', 'them')} pass again: ${someCodes(forGood)}. Look at ${them(forGood.length, 'it', 'them')} before you write.`,
    );
  return lines;
}

/** "87 contacts renamed · 40 AccountNumbers set": what the push writes, per kind ('' when only resuming). */
export const summaryLine = (s: Pick<PushSummary, 'kinds'>): string => s.kinds.map((k) => k.text).join(' · ');

/** Where the push writes, said plainly: a sandbox is never mistaken for the real books, nor the other way round. */
export function organisationLine(s: Pick<PushSummary, 'organisation' | 'sandbox'>): string {
  return s.sandbox
    ? `${s.organisation} is a sandbox Xero (a stand-in for practice), not a real organisation.`
    : `${s.organisation} is a live Xero organisation: everyone who uses it sees these changes at once.`;
}

/** The confirming action: "Write 142 changes to Acme Freight". */
export const confirmLabel = (s: Pick<PushSummary, 'organisation' | 'changes'>): string =>
  `Write ${counted(s.changes, 'change')} to ${s.organisation}`;
