// Merging two contacts, as Xero's web app does it (the API has no merge; the stand-in offers it as an admin route):
// the merged-away contact is ARCHIVED, keeps its AccountNumber (which so still blocks that number for every other
// contact) and reports MergedToContactID; its invoices and credit notes move to the surviving contact, which becomes a
// customer or supplier by them as an invoice would make it (without a bump of its UpdatedDateUTC). Each moved
// document is saved, so its UpdatedDateUTC is bumped and an incremental sync reads it with its new contact.
// docs/xero-behaviour.md ("Merges") gives the sources.
import type { Json, Stored } from '../types.js';
import type { SandboxState } from '../state/store.js';
import { markParty } from './contact-rules.js';

export interface MergeResult {
  merged: Json;
  into: Json;
  moved: { Invoices: number; CreditNotes: number };
}

/** Why a merge cannot be made, in the words an admin caller gets back. */
export class MergeRefused extends Error {}

/** Merges contact `fromId` into `intoId` of a tenant; throws MergeRefused when either is missing or not active. */
export function mergeContacts(state: SandboxState, tenantId: string, fromId: string, intoId: string): MergeResult {
  const from = state.get(tenantId, 'Contacts', fromId);
  const into = state.get(tenantId, 'Contacts', intoId);
  if (!from || !into) throw new MergeRefused(`unknown contact ${!from ? fromId : intoId}`);
  if (from.id === into.id) throw new MergeRefused('a contact cannot be merged into itself');
  // The web app merges from the contact list of active contacts, into an active contact.
  for (const c of [from, into]) {
    if (c.data.ContactStatus !== 'ACTIVE')
      throw new MergeRefused(`contact ${c.id} is ${String(c.data.ContactStatus).toLowerCase()}: only active contacts are merged`);
  }
  const moved = { Invoices: 0, CreditNotes: 0 };
  for (const coll of ['Invoices', 'CreditNotes'] as const) {
    for (const doc of state.list(tenantId, coll)) {
      const ref = doc.data.Contact as Json | undefined;
      if (typeof ref?.ContactID !== 'string' || ref.ContactID.toLowerCase() !== from.id) continue;
      state.save(tenantId, coll, { ...doc.data, Contact: { ...ref, ContactID: into.id, Name: into.data.Name } });
      markParty(
        state,
        tenantId,
        into.id,
        doc.data.Type === 'ACCRECCREDIT' ? 'ACCREC' : doc.data.Type === 'ACCPAYCREDIT' ? 'ACCPAY' : doc.data.Type,
      );
      moved[coll]++;
    }
  }
  const archived: Stored = state.save(tenantId, 'Contacts', { ...from.data, ContactStatus: 'ARCHIVED', MergedToContactID: into.id });
  const survivor = state.get(tenantId, 'Contacts', into.id)!;
  return { merged: state.render(archived), into: state.render(survivor), moved };
}
