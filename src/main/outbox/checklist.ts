// The checklist of fixes made by hand: CocoonOPS lines (rename the organisation, set its billing account code,
// re-send the failed invoices with the three state-toggle steps), Xero web-app lines (make a customer, merge two
// contacts: the API cannot; free the Account Number a merged-away contact still holds), and the steps of open CocoonOPS exceptions. Grouped by billing account; ticked off
// in the app (a tick on a correction's line marks it done).
import type { Checklist, ChecklistGroup, ChecklistLine } from '../../shared/contract-outbox';
import type { ChecklistStep } from '../../shared/exceptions';
import type { Workspace } from '../db';
import { AppError } from '../app-error';
import { exceptionChecklist } from '../exceptions/service';
import { RESEND_STEPS } from '../exceptions/playbooks';
import { materialise } from './materialise';
import { isApiCorrection, type Correction } from './model';
import { blocksOf, refOf } from './plan';
import type { Block } from './checks';

const ORDER: Record<ChecklistLine['kind'], number> = { rename: 0, recode: 1, make_customer: 2, merge: 3, resend: 4, exception: 5 };

type Draft = Omit<ChecklistLine, 'ticked' | 'tickedAt'>;

function correctionLine(ws: Workspace, c: Correction, documents: readonly string[]): Draft | null {
  const account = ws.accounts.get(c.accountCode);
  const name = account?.name ?? c.finding?.accountName ?? c.accountCode;
  const edit = c.changes[0];
  const base = { key: `correction:${c.id}`, accountCode: c.accountCode, correctionId: c.id, exceptionId: null, steps: [] as string[] };
  switch (c.kind) {
    case 'cocoon_rename':
      return { ...base, place: 'cocoonops', kind: 'rename', text: `Rename the organisation "${edit?.from ?? name}" to "${edit?.to ?? ''}" (billing account ${c.accountCode}), as its Xero contact is named.` };
    case 'cocoon_recode': {
      if (edit && edit.to !== '') return { ...base, place: 'cocoonops', kind: 'recode', text: `Set the billing account code of "${name}" from ${edit.from} to ${edit.to}.` };
      const holderId = ws.findings.get(c.accountCode)?.codeHolderId;
      const holder = holderId ? ws.contacts.get(holderId)?.name : undefined;
      const by = holder ? ` by "${holder}"` : ' by another business';
      return { ...base, place: 'cocoonops', kind: 'recode', text: `Give "${name}" a new billing account code: ${c.accountCode} is held in Xero${by}. Use a code no Xero contact has as Account Number.` };
    }
    case 'make_customer': {
      const contact = ws.contacts.get(c.subject)?.name ?? c.subject;
      return { ...base, place: 'xero', kind: 'make_customer', text: `In Xero, make "${contact}" a customer: raise a sales invoice for it (Xero marks a contact as a customer once it has one). CocoonOPS syncs to customers only.` };
    }
    case 'free_number': {
      const holder = ws.contacts.get(c.subject)?.name ?? c.subject;
      return {
        ...base,
        place: 'xero',
        kind: 'merge',
        text: `In the Xero web app, free the Account Number ${edit?.from ?? c.accountCode}: the archived contact "${holder}" still holds it, so Xero refuses it anywhere else ("The Account Number already exists"). Then sync and push again:`,
        steps: [`Contacts → Archived: open "${holder}".`, 'Edit its details, clear the Account Number and save.', 'Sync in this app, then push: the Account Number goes to the contact it was decided for.'],
      };
    }
    case 'resend': {
      const which = documents.length > 0 ? ` (${documents.join(', ')})` : '';
      return { ...base, place: 'cocoonops', kind: 'resend', text: `Re-send the invoices of ${c.accountCode} that failed to sync${which}, once the fixes above are made:`, steps: [...RESEND_STEPS] };
    }
    default:
      return null;
  }
}

function exceptionLines(steps: readonly ChecklistStep[]): Draft[] {
  const byException = new Map<number, ChecklistStep[]>();
  for (const s of steps) byException.set(s.exceptionId, [...(byException.get(s.exceptionId) ?? []), s]);
  return [...byException.entries()].map(([id, list]) => {
    const first = list[0]!;
    const what = first.documentNumber ? `${first.docType === 'credit_note' ? 'Credit note' : 'Invoice'} ${first.documentNumber}` : 'A sync exception';
    return {
      key: `exception:${id}`,
      accountCode: first.accountCode,
      place: first.place,
      kind: 'exception',
      text: `${what} (exception #${id}):`,
      steps: [...list].sort((a, b) => a.order - b.order).map((s) => s.text),
      correctionId: null,
      exceptionId: id,
    };
  });
}

function mergeLines(ws: Workspace, corrections: readonly Correction[]): Draft[] {
  const queued = corrections.filter((c) => c.status === 'queued' && isApiCorrection(c));
  const blocks = blocksOf(ws, queued.map((c) => ({ ...c, ref: refOf(c) })));
  return queued.flatMap((c): Draft[] => {
    const block = blocks.get(refOf(c));
    if (block?.free) return [freeLine(ws, c, block.free)];
    const clash = block?.clash;
    if (!clash) return [];
    const mine = ws.contacts.get(c.subject)?.name ?? c.subject;
    const wanted = c.changes.find((e) => e.field === 'Name')?.to ?? mine;
    return [
      {
        key: `merge:${c.id}`,
        accountCode: c.accountCode,
        place: 'xero' as const,
        kind: 'merge' as const,
        text: `In the Xero web app: "${mine}" cannot become "${wanted}" while the active contact "${clash.name}" has that name. If they are the same business, merge them (Contacts, tick both, Merge; the API cannot), then sync; otherwise choose another name and decide again.`,
        steps: [],
        correctionId: c.id,
        exceptionId: null,
      },
    ];
  });
}

/**
 * The merged-away contact keeps its Account Number (archived), so Xero refuses the number on the contact it was merged
 * into until it is cleared there: a step for the web app, before the push can give the number to the survivor.
 */
function freeLine(ws: Workspace, c: Correction, free: NonNullable<Block['free']>): Draft {
  const survivor = ws.contacts.get(c.subject)?.name ?? free.mergedInto;
  return {
    key: `free:${c.id}`,
    accountCode: c.accountCode,
    place: 'xero',
    kind: 'merge',
    text: `In the Xero web app, free the Account Number ${free.accountNumber}: "${free.name}" was merged into "${free.mergedInto}" and, archived, still holds it, so Xero refuses it on "${survivor}" ("The Account Number already exists"). Then sync and push again:`,
    steps: [
      `Contacts → Archived: open "${free.name}".`,
      'Edit its details, clear the Account Number and save.',
      'Sync in this app, then push: the Account Number goes to the surviving contact.',
    ],
    correctionId: c.id,
    exceptionId: null,
  };
}

export function buildChecklist(ws: Workspace, nowIso: string): Checklist {
  const corrections = ws.outbox.list().filter((c) => c.status !== 'undone');
  const exceptionSteps = exceptionChecklist(ws);
  const resendCovered = new Set(exceptionSteps.filter((s) => s.kind === 'resend').map((s) => s.accountCode));
  const documents = new Map<string, string[]>();
  for (const s of exceptionSteps) {
    if (s.documentNumber && !(documents.get(s.accountCode) ?? []).includes(s.documentNumber)) documents.set(s.accountCode, [...(documents.get(s.accountCode) ?? []), s.documentNumber]);
  }
  const drafts: Draft[] = [
    ...corrections
      .filter((c) => !isApiCorrection(c) && !(c.kind === 'resend' && resendCovered.has(c.accountCode)))
      .flatMap((c) => correctionLine(ws, c, documents.get(c.accountCode) ?? []) ?? []),
    ...mergeLines(ws, corrections),
    ...exceptionLines(exceptionSteps),
  ];
  const ticks = ws.outbox.ticks();
  const groups = new Map<string, ChecklistGroup>();
  for (const d of drafts) {
    const group = groups.get(d.accountCode) ?? { accountCode: d.accountCode, accountName: ws.accounts.get(d.accountCode)?.name ?? '', lines: [] };
    group.lines.push({ ...d, ticked: ticks.has(d.key), tickedAt: ticks.get(d.key) ?? null });
    groups.set(d.accountCode, group);
  }
  const rowOf = (code: string): number => (code === '' ? Number.MAX_SAFE_INTEGER : (ws.accounts.get(code)?.row ?? Number.MAX_SAFE_INTEGER - 1));
  // Each group's row read once (in the comparator it was a query per comparison: seconds for thousands of groups).
  const sorted = [...groups.values()]
    .map((group) => ({ group, row: rowOf(group.accountCode) }))
    .sort((a, b) => a.row - b.row || a.group.accountCode.localeCompare(b.group.accountCode))
    .map(({ group }) => group);
  for (const g of sorted) g.lines.sort((a, b) => ORDER[a.kind] - ORDER[b.kind]);
  const lines = sorted.flatMap((g) => g.lines);
  return { generatedAt: nowIso, groups: sorted, total: lines.length, ticked: lines.filter((l) => l.ticked).length };
}

/** The checklist of the current decisions: their corrections are added to the outbox first (nothing is sent). */
export function currentChecklist(ws: Workspace, nowIso: string, actor = 'user'): Checklist {
  materialise(ws, nowIso, actor);
  return buildChecklist(ws, nowIso);
}

/** Ticks (or unticks) one line; a correction's line also marks the correction done (or queued again). */
export function tickLine(ws: Workspace, key: string, ticked: boolean, nowIso: string, actor = 'user'): ChecklistLine {
  const line = currentChecklist(ws, nowIso, actor).groups.flatMap((g) => g.lines).find((l) => l.key === key);
  if (!line) throw new AppError('not_found', `There is no checklist line "${key}" (it may have been withdrawn).`);
  ws.transaction(() => {
    if (ticked) ws.outbox.tick(key, nowIso);
    else ws.outbox.untick(key);
    if (key.startsWith('correction:') && line.correctionId !== null) {
      ws.outbox.patch(line.correctionId, ticked ? { status: 'done', doneAt: nowIso } : { status: 'queued', doneAt: null });
    }
    ws.audit.append({ actor, action: ticked ? 'checklist.tick' : 'checklist.untick', subject: line.accountCode, result: 'ok', detail: { key, text: line.text } });
  });
  const ticks = ws.outbox.ticks();
  return { ...line, ticked: ticks.has(key), tickedAt: ticks.get(key) ?? null };
}
