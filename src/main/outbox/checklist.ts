// The checklist of fixes made by hand, grouped by what is to be done: rename in CocoonOPS, change a billing account
// code in CocoonOPS, merge contacts or free an Account Number in the Xero web app, make a contact a customer in the
// Xero web app (the API cannot), re-send invoices from CocoonOPS (naming them: only documents an open exception names and the synced
// Xero invoices do not hold), and check and close the other CocoonOPS exceptions. Ticked off in the app (a tick on a
// correction's line marks it done); a tick builds its one line, not the whole checklist.
import {
  CHECKLIST_TASKS,
  CHECKLIST_TASK_TITLES,
  type Checklist,
  type ChecklistGroup,
  type ChecklistLine,
  type ChecklistTask,
} from '../../shared/contract-outbox';
import type { ChecklistStep } from '../../shared/exceptions';
import type { Workspace } from '../db';
import { AppError } from '../../shared/app-error';
import { exceptionChecklist } from '../exceptions/service';
import { SALES_TYPES } from '../exceptions/invoice-check';
import { materialiseLive, type OnProgress } from './materialise';
import type { CorrectionHead } from '../db/repos/outbox';
import { unseenDifference } from '../../shared/unseen-difference';
import { isApiCorrection } from './model';
import { blocksOf, refOf } from './plan';
import { xeroContactsById } from '../db/xero-side';
import type { Block } from './checks';

/** " Only the spacing differs: two spaces → one space after “Columbia”." when it does: not seen on screen or paper. */
const spaced = (from: string, to: string): string => {
  const unseen = unseenDifference(from, to);
  return unseen ? ` ${unseen.slice(1, 2).toUpperCase()}${unseen.slice(2, -1)}.` : '';
};

const TASK_OF: Record<ChecklistLine['kind'], ChecklistTask> = {
  rename: 'rename',
  recode: 'recode',
  make_customer: 'customer',
  merge: 'xero',
  free_number: 'xero',
  resend: 'resend',
  exception: 'exceptions',
};

type Draft = Omit<ChecklistLine, 'ticked' | 'tickedAt' | 'shown'> & { shown?: true };

/** Account names (and export rows, for the order), each read once; after 200 lookups, all of them in one read (faster). */
function accountsOf(ws: Workspace) {
  const cache = new Map<string, { name: string; row: number }>();
  let all = false;
  return (code: string): { name: string; row: number } => {
    let a = cache.get(code);
    if (!a && !all && cache.size >= 200) {
      all = true;
      for (const [code, place] of ws.accounts.places()) if (!cache.has(code)) cache.set(code, place);
      a = cache.get(code);
    }
    if (!a) {
      const account = code && !all ? ws.accounts.get(code) : undefined;
      a = { name: account?.name ?? '', row: account?.row ?? Number.MAX_SAFE_INTEGER };
      cache.set(code, a);
    }
    return a;
  };
}
type Accounts = ReturnType<typeof accountsOf>;

const exists = (accounts: Accounts, code: string): boolean => accounts(code).row !== Number.MAX_SAFE_INTEGER;

/**
 * Whether the CocoonOPS export imported last shows a CocoonOPS step done: the account has the new name; the old code
 * is gone and the new one is there (a code left to CocoonOPS to choose: an account of the same name has another code).
 */
function shownByImport(ws: Workspace, accounts: Accounts): (c: CorrectionHead) => boolean {
  let names: Set<string> | null = null;
  const named = (name: string) =>
    (names ??= new Set([...ws.accounts.places().values()].map((a) => a.name.trim().toLowerCase()))).has(name.trim().toLowerCase());
  return (c) => {
    const edit = c.changes[0];
    if (!edit) return false;
    if (c.kind === 'cocoon_rename') return exists(accounts, c.accountCode) && accounts(c.accountCode).name.trim() === edit.to.trim();
    if (c.kind !== 'cocoon_recode' || exists(accounts, c.accountCode)) return false;
    if (edit.to.trim() !== '') return exists(accounts, edit.to.trim());
    return (c.finding?.accountName.trim() ?? '') !== '' && named(c.finding!.accountName);
  };
}

const blank = { steps: [] as string[], documents: [] as string[], exceptionId: null };

/** What a line reads beside the accounts: contacts from the kept list, and code holders (read once for all lines). */
interface Lookups {
  contactName(contactId: string): string | undefined;
  codeHolderOf(accountCode: string): string | null;
}

function lookupsFor(ws: Workspace, corrections: readonly CorrectionHead[]): Lookups {
  const contacts = xeroContactsById(ws);
  const recodes = corrections.filter((c) => c.kind === 'cocoon_recode' && (c.changes[0]?.to ?? '') === '').map((c) => c.accountCode);
  const findings = recodes.length > 0 ? ws.findings.getMany(recodes) : new Map<string, { codeHolderId: string | null }>();
  return { contactName: (id) => contacts.get(id)?.name, codeHolderOf: (code) => findings.get(code)?.codeHolderId ?? null };
}

/** The same for one line (a tick): a query each, not the whole list of contacts. */
const oneLine = (ws: Workspace): Lookups => ({
  contactName: (id) => ws.contacts.get(id)?.name,
  codeHolderOf: (code) => ws.findings.get(code)?.codeHolderId ?? null,
});

function correctionLine(look: Lookups, accounts: Accounts, c: CorrectionHead, shown: (c: CorrectionHead) => boolean): Draft | null {
  const accountName = accounts(c.accountCode).name || c.finding?.accountName || '';
  const what = correctionTask(look, c, accountName || c.accountCode);
  // One object literal per line (spreading a shared base costs more than the rest of the line at 10,000 lines).
  return (
    what && {
      key: `correction:${c.id}`,
      accountCode: c.accountCode,
      accountName,
      correctionId: c.id,
      exceptionId: null,
      documents: [],
      steps: [],
      ...what,
      ...(shown(c) && { shown: true as const }),
    }
  );
}

/** Where a hand-made correction is done and what the line says. */
function correctionTask(
  look: Lookups,
  c: CorrectionHead,
  name: string,
): (Pick<Draft, 'place' | 'kind' | 'text'> & { steps?: string[] }) | null {
  const edit = c.changes[0];
  switch (c.kind) {
    case 'cocoon_rename':
      return {
        place: 'cocoonops',
        kind: 'rename',
        text: `Rename the organisation "${edit?.from ?? name}" to "${edit?.to ?? ''}" (billing account ${c.accountCode}), as its Xero contact is named.${spaced(edit?.from ?? name, edit?.to ?? '')}`,
      };
    case 'cocoon_recode': {
      if (edit && edit.to !== '')
        return { place: 'cocoonops', kind: 'recode', text: `Set the billing account code of "${name}" from ${edit.from} to ${edit.to}.` };
      const holderId = look.codeHolderOf(c.accountCode);
      const holder = holderId ? look.contactName(holderId) : undefined;
      const by = holder ? ` by "${holder}"` : ' by another business';
      return {
        place: 'cocoonops',
        kind: 'recode',
        text: `Give "${name}" a new billing account code: ${c.accountCode} is held in Xero${by}. Use a code no Xero contact has as Account Number.`,
      };
    }
    case 'make_customer': {
      const contact = look.contactName(c.subject) ?? c.subject;
      return {
        place: 'xero',
        kind: 'make_customer',
        text: `In Xero, make "${contact}" a customer: raise a sales invoice for it (Xero marks a contact as a customer once it has one). CocoonOPS syncs to customers only.`,
      };
    }
    case 'free_number': {
      const holder = look.contactName(c.subject) ?? c.subject;
      return {
        place: 'xero',
        kind: 'merge',
        text: `In the Xero web app, free the Account Number ${edit?.from ?? c.accountCode}: the archived contact "${holder}" still holds it, so Xero refuses it anywhere else ("The Account Number already exists"). Then sync and push again:`,
        steps: [
          `Contacts → Archived: open "${holder}".`,
          'Edit its details, clear the Account Number and save.',
          'Sync in this app, then push: the Account Number goes to the contact it was decided for.',
        ],
      };
    }
    default:
      return null;
  }
}

/** What the open exceptions ask for: the documents to re-send per billing account, and a line for each other step list. */
interface ExceptionWork {
  resend: Map<string, { labels: string[]; documents: string[]; steps: string[] }>;
  lines: Draft[];
}

const capital = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);

function exceptionWork(ws: Workspace, accounts: Accounts, all: readonly ChecklistStep[]): ExceptionWork {
  const byException = new Map<number, ChecklistStep[]>();
  for (const s of all) {
    let list = byException.get(s.exceptionId);
    if (!list) byException.set(s.exceptionId, (list = []));
    list.push(s);
  }
  const work: ExceptionWork = { resend: new Map(), lines: [] };
  for (const [id, list] of byException) {
    list.sort((a, b) => a.order - b.order);
    const first = list[0]!;
    const label = first.documentNumber ? `${first.docType === 'credit_note' ? 'credit note' : 'invoice'} ${first.documentNumber}` : '';
    const resend = list.filter((s) => s.kind === 'resend');
    const steps = list.filter((s) => s.kind !== 'resend').map((s) => s.text);
    // A document the synced Xero invoices already hold is not sent again (Xero would refuse its number).
    const inXero =
      resend.length > 0 &&
      first.documentNumber !== '' &&
      ws.invoices.findByNumber(first.documentNumber).some((i) => SALES_TYPES.includes(i.type));
    if (inXero) {
      steps.push(
        `${capital(label)} is in Xero already (a sync read it): do not re-send it (Xero would refuse the number); compare it with CocoonOPS and close the exception.`,
      );
    } else if (resend.length > 0) {
      let r = work.resend.get(first.accountCode);
      if (!r) work.resend.set(first.accountCode, (r = { labels: [], documents: [], steps: [] }));
      r.labels.push(label || `an invoice without a number (exception #${id})`);
      if (first.documentNumber) r.documents.push(first.documentNumber);
      r.steps.push(...resend.map((s) => s.text));
    }
    if (steps.length === 0) continue;
    work.lines.push({
      key: `exception:${id}`,
      accountCode: first.accountCode,
      accountName: accounts(first.accountCode).name,
      place: first.place,
      kind: 'exception',
      text: `${label ? capital(label) : 'A sync exception'} (exception #${id}):`,
      steps,
      documents: [],
      correctionId: null,
      exceptionId: id,
    });
  }
  return work;
}

function resendLine(
  accounts: Accounts,
  code: string,
  r: { labels: string[]; documents: string[]; steps: string[] },
  correction: CorrectionHead | undefined,
  fixesFirst: boolean,
): Draft {
  const accountName = accounts(code).name;
  const whose = code ? ` of "${accountName || code}" (billing account ${code})` : ' (the exceptions name no billing account)';
  return {
    key: correction ? `correction:${correction.id}` : `resend:${code}`,
    accountCode: code,
    accountName,
    place: 'cocoonops',
    kind: 'resend',
    text: `Re-send ${r.labels.join(', ')}${whose}${fixesFirst ? ', once the fixes above are made' : ''}:`,
    steps: r.steps,
    documents: r.documents,
    correctionId: correction?.id ?? null,
    exceptionId: null,
  };
}

function mergeLines(ws: Workspace, accounts: Accounts, corrections: readonly CorrectionHead[]): Draft[] {
  const queued = corrections.filter((c) => c.status === 'queued' && isApiCorrection(c));
  if (queued.length === 0) return [];
  const blocks = blocksOf(
    ws,
    queued.map((c) => ({ ref: refOf(c), subject: c.subject, kind: c.kind, changes: c.changes })),
  );
  return queued.flatMap((c): Draft[] => {
    const block = blocks.get(refOf(c));
    if (block?.free) return [freeLine(ws, accounts, c, block.free)];
    const clash = block?.clash;
    if (!clash) return [];
    const mine = xeroContactsById(ws).get(c.subject)?.name ?? c.subject;
    const wanted = c.changes.find((e) => e.field === 'Name')?.to ?? mine;
    return [
      {
        ...blank,
        key: `merge:${c.id}`,
        accountCode: c.accountCode,
        accountName: accounts(c.accountCode).name,
        place: 'xero',
        kind: 'merge',
        text: `In the Xero web app: "${mine}" cannot become "${wanted}" while the active contact "${clash.name}" has that name. If they are the same business, merge them (Contacts, tick both, Merge; the API cannot), then sync; otherwise choose another name and decide again.`,
        correctionId: c.id,
      },
    ];
  });
}

/**
 * The merged-away contact keeps its Account Number (archived), so Xero refuses the number on the contact it was merged
 * into until it is cleared there: a step for the web app, before the push can give the number to the survivor.
 */
function freeLine(ws: Workspace, accounts: Accounts, c: CorrectionHead, free: NonNullable<Block['free']>): Draft {
  const survivor = xeroContactsById(ws).get(c.subject)?.name ?? free.mergedInto;
  return {
    ...blank,
    key: `free:${c.id}`,
    accountCode: c.accountCode,
    accountName: accounts(c.accountCode).name,
    place: 'xero',
    kind: 'free_number',
    text: `In the Xero web app, free the Account Number ${free.accountNumber}: "${free.name}" was merged into "${free.mergedInto}" and, archived, still holds it, so Xero refuses it on "${survivor}" ("The Account Number already exists"). Then sync and push again:`,
    steps: [
      `Contacts → Archived: open "${free.name}".`,
      'Edit its details, clear the Account Number and save.',
      'Sync in this app, then push: the Account Number goes to the surviving contact.',
    ],
    correctionId: c.id,
  };
}

/** Every line of the checklist, unticked and unordered; `live` = the corrections not undone (read here when not given). */
function drafts(ws: Workspace, accounts: Accounts, live?: readonly CorrectionHead[]): Draft[] {
  const corrections = live ?? ws.outbox.heads().filter((c) => c.status !== 'undone');
  const look = lookupsFor(ws, corrections);
  const work = exceptionWork(ws, accounts, exceptionChecklist(ws));
  const shown = shownByImport(ws, accounts);
  const fixes = [
    ...corrections.filter((c) => !isApiCorrection(c)).flatMap((c) => correctionLine(look, accounts, c, shown) ?? []),
    ...mergeLines(ws, accounts, corrections),
  ];
  const fixed = new Set(fixes.map((d) => d.accountCode));
  const resendCorrection = new Map(corrections.filter((c) => c.kind === 'resend').map((c) => [c.accountCode, c]));
  // A re-send line only where something must be re-sent: the documents of open exceptions not in Xero.
  const resends = [...work.resend].map(([code, r]) => resendLine(accounts, code, r, resendCorrection.get(code), fixed.has(code)));
  return [...fixes, ...resends, ...work.lines];
}

const ORDER: Record<ChecklistLine['kind'], number> = {
  rename: 0,
  recode: 1,
  free_number: 2,
  merge: 3,
  make_customer: 4,
  resend: 5,
  exception: 6,
};

export function buildChecklist(ws: Workspace, nowIso: string, live?: readonly CorrectionHead[]): Checklist {
  const accounts = accountsOf(ws);
  const ticks = ws.outbox.ticks();
  // A line the CocoonOPS export shows done is dated by that import.
  const shownAt = () => ws.imports.latest('cocoon', 'complete')?.finishedAt ?? null;
  const byTask = new Map<ChecklistTask, { line: ChecklistLine; row: number }[]>();
  for (const d of drafts(ws, accounts, live)) {
    const task = TASK_OF[d.kind];
    let list = byTask.get(task);
    if (!list) byTask.set(task, (list = []));
    const shown = d.shown === true;
    const line = { ...d, ticked: shown || ticks.has(d.key), tickedAt: ticks.get(d.key) ?? (shown ? shownAt() : null), shown };
    list.push({ line, row: accounts(d.accountCode).row });
  }
  const groups: ChecklistGroup[] = CHECKLIST_TASKS.flatMap((task) => {
    const list = byTask.get(task);
    if (!list) return [];
    // In the CocoonOPS export's order (lines without a billing account last), then by kind and key.
    list.sort(
      (a, b) =>
        a.row - b.row ||
        a.line.accountCode.localeCompare(b.line.accountCode) ||
        ORDER[a.line.kind] - ORDER[b.line.kind] ||
        a.line.key.localeCompare(b.line.key),
    );
    const lines = list.map((x) => x.line);
    return [{ task, title: CHECKLIST_TASK_TITLES[task], lines, total: lines.length, ticked: lines.filter((l) => l.ticked).length }];
  });
  const total = groups.reduce((n, g) => n + g.total, 0);
  return { generatedAt: nowIso, groups, total, ticked: groups.reduce((n, g) => n + g.ticked, 0) };
}

/** The checklist of the current decisions: their corrections are added to the outbox first (nothing is sent). */
export function currentChecklist(ws: Workspace, nowIso: string, actor = 'user', onProgress?: OnProgress): Checklist {
  // What materialise wrote is not read back: it hands over the corrections not undone as they are once written.
  return buildChecklist(ws, nowIso, materialiseLive(ws, nowIso, actor, onProgress) ?? undefined);
}

const HAND_FIXES = new Set<string>(['cocoon_rename', 'cocoon_recode', 'make_customer']);

/** The one line a key names, as the checklist shows it (null when the checklist has no such line). */
function lineFor(ws: Workspace, key: string): Draft | null {
  const accounts = accountsOf(ws);
  const [prefix, rest = ''] = key.split(/:(.*)/s);
  const exceptionsWork = (): ExceptionWork => exceptionWork(ws, accounts, exceptionChecklist(ws));
  const fixedAccount = (code: string): boolean =>
    ws.outbox.heads().some((c) => c.accountCode === code && c.status !== 'undone' && HAND_FIXES.has(c.kind));
  switch (prefix) {
    case 'correction': {
      const c = ws.outbox.get(Number(rest));
      if (!c || c.status === 'undone' || isApiCorrection(c)) return null;
      if (c.kind !== 'resend') return correctionLine(oneLine(ws), accounts, c, shownByImport(ws, accounts));
      const r = exceptionsWork().resend.get(c.accountCode);
      return r ? resendLine(accounts, c.accountCode, r, c, fixedAccount(c.accountCode)) : null;
    }
    case 'resend': {
      const r = exceptionsWork().resend.get(rest);
      const c = ws.outbox.heads().find((x) => x.kind === 'resend' && x.accountCode === rest && x.status !== 'undone');
      return r && !c ? resendLine(accounts, rest, r, undefined, fixedAccount(rest)) : null;
    }
    case 'exception':
      return exceptionsWork().lines.find((l) => l.key === key) ?? null;
    case 'merge':
    case 'free':
      return mergeLines(ws, accounts, ws.outbox.heads()).find((l) => l.key === key) ?? null;
    default:
      return null;
  }
}

/** Ticks (or unticks) one line; a correction's line also marks the correction done (or queued again). */
export function tickLine(ws: Workspace, key: string, ticked: boolean, nowIso: string, actor = 'user'): ChecklistLine {
  const line = lineFor(ws, key);
  if (!line) throw new AppError('not_found', `There is no checklist line "${key}" (it may have been withdrawn).`);
  if (line.shown) throw new AppError('conflict', 'The CocoonOPS export imported last shows this step done: there is no tick to change.');
  ws.transaction(() => {
    if (ticked) ws.outbox.tick(key, nowIso);
    else ws.outbox.untick(key);
    if (key.startsWith('correction:') && line.correctionId !== null) {
      ws.outbox.patch(line.correctionId, ticked ? { status: 'done', doneAt: nowIso } : { status: 'queued', doneAt: null });
    }
    ws.audit.append({
      actor,
      action: ticked ? 'checklist.tick' : 'checklist.untick',
      subject: line.accountCode,
      result: 'ok',
      detail: { key, text: line.text },
    });
  });
  const ticks = ws.outbox.ticks();
  return { ...line, ticked: ticks.has(key), tickedAt: ticks.get(key) ?? null, shown: false };
}
