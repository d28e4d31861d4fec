// The checks made before anything is written: a name another active contact has (Contact Name is unique among
// active contacts), an Account Number held elsewhere (archived holders too), two corrections that contradict each
// other, and values Xero refuses outright. Checked against the workspace's copy of Xero; Xero's own answer
// still decides. Pure.
import type { CorrectionKind, FieldEdit } from '../../shared/contract-outbox';
import type { XeroContact } from '../../shared/domain';
import { uniqueKey } from './model';

export interface CheckItem {
  ref: string;
  subject: string;
  kind: CorrectionKind;
  changes: readonly FieldEdit[];
}

export type ContactFacts = Pick<XeroContact, 'contactId' | 'name' | 'accountNumber' | 'status' | 'mergedToContactId'>;

export interface Block {
  reason: string;
  /** A same-name contact: if it is the same business, merging the two in the Xero web app is the fix. */
  clash?: { contactId: string; name: string };
  /**
   * The Account Number is held by a contact merged into another in Xero (archived, it keeps its number): freeing it
   * there, in the web app, is the step the fix needs. `mergedInto` is the name of the contact it was merged into.
   */
  free?: { contactId: string; name: string; accountNumber: string; mergedInto: string };
  /**
   * Held back only until another correction of this push frees the value (the holder is renamed or renumbered): sent
   * in a later round of the same push, once that one is written. Set only where that one goes: if it is held back
   * too (or the two swap values), the block stands, with a reason that says so.
   */
  later?: true;
}

const MAX_NAME = 255;
const MAX_NUMBER = 50;

function groupBy<T>(items: readonly T[], key: (t: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const t of items) {
    const k = key(t);
    const list = out.get(k);
    if (list) list.push(t);
    else out.set(k, [t]);
  }
  return out;
}

/** The contacts by id, by name (active ones) and by Account Number; built once per list (the list is shared while the Xero side is unchanged). */
const indexes = new WeakMap<
  readonly ContactFacts[],
  { byId: Map<string, ContactFacts>; activeByName: Map<string, ContactFacts[]>; byNumber: Map<string, ContactFacts[]> }
>();
function indexOf(contacts: readonly ContactFacts[]) {
  let index = indexes.get(contacts);
  if (!index) {
    index = {
      byId: new Map(contacts.map((c) => [c.contactId.toLowerCase(), c])),
      activeByName: groupBy(
        contacts.filter((c) => c.status === 'ACTIVE' && c.name.trim() !== ''),
        (c) => uniqueKey(c.name),
      ),
      byNumber: groupBy(
        contacts.filter((c) => c.accountNumber.trim() !== ''),
        (c) => uniqueKey(c.accountNumber),
      ),
    };
    indexes.set(contacts, index);
  }
  return index;
}

export function checkPlan(items: readonly CheckItem[], contacts: readonly ContactFacts[]): Map<string, Block> {
  const blocked = new Map<string, Block>();
  // The first reason found stands, except that a real one replaces "sent after the change that frees it".
  const block = (ref: string, b: Block): void => {
    const held = blocked.get(ref);
    if (!held || (held.later && !b.later)) blocked.set(ref, b);
  };
  const { byId, activeByName, byNumber } = indexOf(contacts);
  const edits = items.flatMap((item) => item.changes.map((e) => ({ item, e, subject: item.subject.toLowerCase() })));

  // Two corrections setting one field of one contact to different values.
  for (const group of groupBy(edits, (x) => `${x.subject}|${x.e.field}`).values()) {
    const values = new Set(group.map((x) => x.e.to.trim()));
    if (values.size < 2) continue;
    for (const x of group) {
      const others = group.filter((y) => y.item.ref !== x.item.ref).map((y) => `"${y.e.to}"`);
      block(x.item.ref, {
        reason: `Contradicts another correction that sets ${x.e.field} of the same contact to ${others.join(' / ')}: decide which one is right, then push again.`,
      });
    }
  }

  // The contact after the push, field by field (the first planned value wins; contradictions are blocked above).
  const planned = new Map<string, string>();
  for (const x of edits) if (!planned.has(`${x.subject}|${x.e.field}`)) planned.set(`${x.subject}|${x.e.field}`, x.e.to.trim());
  const finalOf = (subject: string, field: 'Name' | 'AccountNumber' | 'ContactStatus'): string => {
    const p = planned.get(`${subject}|${field}`);
    if (p !== undefined) return p;
    const c = byId.get(subject);
    return field === 'Name' ? (c?.name ?? '') : field === 'AccountNumber' ? (c?.accountNumber ?? '') : (c?.status ?? 'ACTIVE');
  };
  /** The holder gives the value up in this push: the correction is sent by the next push, not wrong. */
  const movesAway = (holder: ContactFacts, field: 'Name' | 'AccountNumber', value: string): boolean => {
    const next = planned.get(`${holder.contactId.toLowerCase()}|${field}`);
    return next !== undefined && uniqueKey(next) !== uniqueKey(value);
  };
  // What waits for which correction of this push: its ref, and the holder's field that frees the value.
  const waiting = new Map<string, { holder: string; field: 'Name' | 'AccountNumber'; what: string }>();
  const waits = (ref: string, holder: ContactFacts, field: 'Name' | 'AccountNumber', what: string): Block => {
    waiting.set(ref, { holder: holder.contactId.toLowerCase(), field, what });
    return { reason: `Sent after the change that frees it, in this push: ${what} until this push changes it.`, later: true };
  };
  const waitsForName = (ref: string, holder: ContactFacts, name: string): Block =>
    waits(ref, holder, 'Name', `the active contact "${holder.name}" has the name "${name}" (names are unique among active contacts)`);
  const plannedSubjects = [...new Set(edits.map((x) => x.subject))];
  // The contacts of this push by the name (active ones) and the Account Number each ends up with, in plan order:
  // the second one to get a name or number is found by a lookup, not by going through the whole plan per edit.
  const plannedActiveByName = groupBy(
    plannedSubjects.filter((s) => finalOf(s, 'ContactStatus') === 'ACTIVE'),
    (s) => uniqueKey(finalOf(s, 'Name')),
  );
  const plannedByNumber = groupBy(plannedSubjects, (s) => uniqueKey(finalOf(s, 'AccountNumber')));
  const another = (group: Map<string, string[]>, value: string, subject: string) =>
    (group.get(uniqueKey(value)) ?? []).find((s) => s !== subject);
  /** A contact as people know it: by its name now (its ContactID only when the workspace has no name for it). */
  const nameOf = (subject: string): string => byId.get(subject)?.name || subject;

  for (const { item, e, subject } of edits) {
    const to = e.to.trim();
    if (e.field === 'Name') {
      if (to === '') block(item.ref, { reason: 'Xero refuses an empty contact name.' });
      else if (to.length > MAX_NAME) block(item.ref, { reason: `Xero refuses contact names over ${MAX_NAME} characters.` });
      if (to === '' || finalOf(subject, 'ContactStatus') !== 'ACTIVE') continue;
      const holder = (activeByName.get(uniqueKey(to)) ?? []).find((c) => c.contactId.toLowerCase() !== subject);
      if (holder && movesAway(holder, 'Name', to)) block(item.ref, waitsForName(item.ref, holder, to));
      else if (holder) {
        block(item.ref, {
          reason: `Xero would refuse it: the name "${to}" is already used by the active contact "${holder.name}"; Contact Name is unique among active contacts. If they are the same business, merge the two in Xero; otherwise choose a different name.`,
          clash: { contactId: holder.contactId, name: holder.name },
        });
      }
      const twin = another(plannedActiveByName, to, subject);
      if (twin)
        block(item.ref, {
          reason: `Another correction in this push gives the name "${to}" to a second contact ("${nameOf(twin)}"): Xero allows one active contact per name.`,
        });
    } else if (e.field === 'AccountNumber' && to !== '') {
      if (to.length > MAX_NUMBER) block(item.ref, { reason: `Xero refuses Account Numbers over ${MAX_NUMBER} characters.` });
      const holder = (byNumber.get(uniqueKey(to)) ?? []).find((c) => c.contactId.toLowerCase() !== subject);
      if (holder) {
        const archived = holder.status === 'ACTIVE' ? '' : holder.status.toLowerCase();
        const mergedInto = holder.mergedToContactId
          ? (byId.get(holder.mergedToContactId.toLowerCase())?.name ?? holder.mergedToContactId)
          : null;
        const merged = mergedInto === null ? '' : ` merged into "${mergedInto}"`;
        const about = archived || merged ? ` (${archived}${merged})` : '';
        if (movesAway(holder, 'AccountNumber', to))
          block(
            item.ref,
            waits(
              item.ref,
              holder,
              'AccountNumber',
              `"${holder.name}"${about} holds the Account Number "${to}" (Account Numbers are unique)`,
            ),
          );
        else
          block(item.ref, {
            reason: `Xero would refuse it: the Account Number "${to}" is already held by "${holder.name}"${about}; Account Numbers are unique, archived contacts included. Free it there first, or give the billing account a new code in CocoonOPS.`,
            ...(mergedInto === null || holder.status === 'ACTIVE'
              ? {}
              : { free: { contactId: holder.contactId, name: holder.name, accountNumber: holder.accountNumber, mergedInto } }),
          });
      }
      const twin = another(plannedByNumber, to, subject);
      if (twin)
        block(item.ref, {
          reason: `Another correction in this push gives the Account Number "${to}" to a second contact ("${nameOf(twin)}").`,
        });
    } else if (e.field === 'ContactStatus' && to === 'ACTIVE') {
      const name = finalOf(subject, 'Name');
      const holder = (activeByName.get(uniqueKey(name)) ?? []).find((c) => c.contactId.toLowerCase() !== subject);
      if (holder && movesAway(holder, 'Name', name)) block(item.ref, waitsForName(item.ref, holder, name));
      else if (holder) {
        block(item.ref, {
          reason: `Restoring it would make two active contacts named "${name}" (the other is "${holder.name}"): Xero refuses that. If they are the same business, merge them in Xero; otherwise rename one first.`,
          clash: { contactId: holder.contactId, name: holder.name },
        });
      }
    }
  }
  settleWaits(
    blocked,
    waiting,
    groupBy(edits, (x) => `${x.subject}|${x.e.field}`),
  );
  return blocked;
}

/**
 * A correction that waits for another of this push goes in a later round only if that one goes (in this push,
 * perhaps itself in a later round). The rest stay held back and say why: the freeing change is held back, or it
 * waits in turn for this one (two contacts swapping a name or number, which Xero takes in neither order).
 */
function settleWaits(
  blocked: Map<string, Block>,
  waiting: ReadonlyMap<string, { holder: string; field: 'Name' | 'AccountNumber'; what: string }>,
  byField: ReadonlyMap<string, readonly { item: CheckItem }[]>,
): void {
  const later = [...waiting.keys()].filter((ref) => blocked.get(ref)?.later);
  const waits = new Set(later);
  const freeing = (ref: string): string[] => {
    const w = waiting.get(ref)!;
    return (byField.get(`${w.holder}|${w.field}`) ?? []).map((x) => x.item.ref);
  };
  // What goes: every correction not held back, then each waiting one whose freeing changes all go, until none is added.
  const goes = new Set(
    [...byField.values()]
      .flat()
      .map((x) => x.item.ref)
      .filter((ref) => !blocked.has(ref)),
  );
  for (let added = true; added;) {
    added = false;
    for (const ref of later)
      if (!goes.has(ref) && freeing(ref).every((f) => goes.has(f))) {
        goes.add(ref);
        added = true;
      }
  }
  for (const ref of later) {
    if (goes.has(ref)) continue;
    const w = waiting.get(ref)!;
    const inTurn = freeing(ref).some((f) => waits.has(f) && !goes.has(f));
    blocked.set(ref, {
      reason: inTurn
        ? `Xero would refuse it: ${w.what}, and the change that frees it waits in turn (values swapped between contacts, which Xero takes in no order): clear one of them in Xero by hand first.`
        : `Xero would refuse it: ${w.what}, and the change of this push that frees it is held back too.`,
    });
  }
}
