// Xero's high volume threshold: in an organisation holding more than `limits.highVolumeThreshold` contacts,
// invoices or credit notes (Xero: 100,000), a GET of that collection whose `where` or `order` goes outside the short
// list Xero has optimised, or which asks for more than the threshold without paging, is refused with 400
// HighVolumeException. The lists are Xero's own, per collection (docs/xero-behaviour.md, "Filters at volume").
import type { Collection } from '../types.js';
import type { WhereNode } from './where-parser.js';

interface Optimised {
  /** Fields optimised for `==` on its own or joined by AND. */
  equals: readonly string[];
  /** Of those, the ones also optimised for >, >=, < and <= (a range is two of them joined by AND). */
  range: readonly string[];
  /** The one field whose `==` may also be joined by OR (Invoices: InvoiceID). */
  orField?: string;
  /** Fields optimised for `order` (either direction). */
  order: readonly string[];
}

/** Names as WHERE_FIELDS spells them (checkedWhere canonicalises a where's fields to these). */
export const OPTIMISED: Record<Collection, Optimised> = {
  Contacts: { equals: ['Name', 'EmailAddress', 'AccountNumber'], range: [], order: ['ContactID', 'UpdatedDateUTC', 'Name'] },
  Invoices: {
    equals: [
      'Status',
      'Contact.ContactID',
      'Contact.Name',
      'Contact.ContactNumber',
      'Reference',
      'InvoiceNumber',
      'InvoiceID',
      'Date',
      'Type',
      'AmountDue',
      'AmountPaid',
      'DueDate',
    ],
    range: ['Date', 'DueDate', 'AmountDue'],
    orField: 'InvoiceID',
    order: ['InvoiceID', 'UpdatedDateUTC', 'Date'],
  },
  CreditNotes: {
    equals: ['Status', 'Date', 'Reference', 'Contact.ContactID', 'Contact.Name', 'Contact.ContactNumber', 'Type'],
    range: ['Date'],
    order: ['CreditNoteID', 'UpdatedDateUTC', 'Date'],
  },
};

const RANGE_OPS = new Set(['>', '>=', '<', '<=']);

/** True when Xero runs this `where` tree at any volume: optimised comparisons joined by AND (or an OR of InvoiceIDs). */
export function whereOptimised(coll: Collection, node: WhereNode): boolean {
  const o = OPTIMISED[coll];
  if (node.t === 'and') return whereOptimised(coll, node.a) && whereOptimised(coll, node.b);
  if (node.t === 'or') return o.orField !== undefined && orChainOf(o.orField, node);
  if (node.t !== 'cmp' || node.folded || node.value.kind === 'null') return false; // Contains(), NOT, bare booleans, != null
  if (node.op === '==') return o.equals.includes(node.field);
  return RANGE_OPS.has(node.op) && o.range.includes(node.field);
}

function orChainOf(field: string, node: WhereNode): boolean {
  if (node.t === 'or') return orChainOf(field, node.a) && orChainOf(field, node.b);
  return node.t === 'cmp' && node.op === '==' && node.field === field && !node.folded;
}

/** True when every key of `order` ("Name DESC, ContactID") is one Xero has optimised. */
export function orderOptimised(coll: Collection, order: string): boolean {
  const allowed = OPTIMISED[coll].order.map((f) => f.toLowerCase());
  return order.split(',').every((part) => allowed.includes((part.trim().split(/\s+/)[0] ?? '').toLowerCase()));
}

export interface ListShape {
  /** The collection's size in the organisation (every record, whatever the filters). */
  size: number;
  where?: WhereNode;
  order?: string;
  paged: boolean;
  /** Records the request selects. */
  selected: number;
}

/** What Xero would refuse about this list (pure): 'where', 'order' or 'unpaged'; undefined when it runs. */
export function highVolumeRefusal(coll: Collection, threshold: number, list: ListShape): 'where' | 'order' | 'unpaged' | undefined {
  if (list.size <= threshold) return undefined;
  if (list.where && !whereOptimised(coll, list.where)) return 'where';
  if (list.order && !orderOptimised(coll, list.order)) return 'order';
  if (!list.paged && list.selected > threshold) return 'unpaged';
  return undefined;
}

/** Thrown by listRecords; the routes answer it with Xero's HighVolumeException. */
export class HighVolumeError extends Error {
  constructor(
    readonly coll: Collection,
    readonly refused: 'where' | 'order' | 'unpaged',
  ) {
    super(`${coll}: ${refused} refused at volume`);
  }
}
