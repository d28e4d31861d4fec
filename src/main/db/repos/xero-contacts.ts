// The Xero contact cache: the fields matching uses, with the contact's raw JSON kept beside them.
import type { ContactStatus, XeroContact } from '../../../shared/domain';
import { type Db, fromJson, standingFor } from './common';

export interface XeroContactItem {
  contact: XeroContact;
  /** The contact as Xero (or the imported file) gave it. */
  raw: object;
}

export interface XeroContactRow {
  contact_id: string;
  name: string;
  account_number: string;
  status: ContactStatus;
  is_customer: 0 | 1;
  is_supplier: 0 | 1;
  email: string;
  phone: string;
  address: string;
  postcode: string;
  updated_date_utc: string;
  merged_to_contact_id: string;
  raw_json: string;
  import_id: number | null;
}

const FIELDS =
  'contact_id, name, account_number, status, is_customer, is_supplier, email, phone, address, postcode, updated_date_utc, merged_to_contact_id';
const SELECT = `SELECT ${FIELDS} FROM xero_contacts`;
/** A row of FIELDS, in that order. */
type ContactColumns = [string, string, string, XeroContactRow['status'], 0 | 1, 0 | 1, string, string, string, string, string, string];

const toContact = (r: Omit<XeroContactRow, 'raw_json' | 'import_id'>): XeroContact => ({
  contactId: r.contact_id,
  name: r.name,
  accountNumber: r.account_number,
  status: r.status,
  isCustomer: r.is_customer === 1,
  isSupplier: r.is_supplier === 1,
  email: r.email,
  phone: r.phone,
  address: r.address,
  postcode: r.postcode,
  updatedDateUtc: r.updated_date_utc,
  ...(r.merged_to_contact_id === '' ? {} : { mergedToContactId: r.merged_to_contact_id }),
});

const toRow = ({ contact: c, raw }: XeroContactItem, importId: number | null): XeroContactRow => ({
  contact_id: c.contactId,
  name: c.name,
  account_number: c.accountNumber,
  status: c.status,
  is_customer: c.isCustomer ? 1 : 0,
  is_supplier: c.isSupplier ? 1 : 0,
  email: c.email,
  phone: c.phone,
  address: c.address,
  postcode: c.postcode,
  updated_date_utc: c.updatedDateUtc,
  merged_to_contact_id: c.mergedToContactId ?? '',
  raw_json: JSON.stringify(raw),
  import_id: importId,
});

export function createXeroContactsRepo(db: Db) {
  const upsert = db.prepare<[XeroContactRow]>(
    `INSERT INTO xero_contacts (${FIELDS}, raw_json, import_id)
     VALUES (@contact_id, @name, @account_number, @status, @is_customer, @is_supplier, @email, @phone, @address,
             @postcode, @updated_date_utc, @merged_to_contact_id, @raw_json, @import_id)
     ON CONFLICT (contact_id) DO UPDATE SET
       name = excluded.name, account_number = excluded.account_number, status = excluded.status,
       is_customer = excluded.is_customer, is_supplier = excluded.is_supplier, email = excluded.email,
       phone = excluded.phone, address = excluded.address, postcode = excluded.postcode,
       updated_date_utc = excluded.updated_date_utc, merged_to_contact_id = excluded.merged_to_contact_id, raw_json = excluded.raw_json, import_id = excluded.import_id`,
  );
  const clear = db.prepare('DELETE FROM xero_contacts');
  // Raw rows (arrays), made into objects here: row objects of 12 columns cost more than the rest of a 50,000-contact read.
  const all = db.prepare<[], ContactColumns>(`${SELECT} ORDER BY contact_id`).raw(true);
  const byId = db.prepare<[string], XeroContactRow>(`${SELECT} WHERE contact_id = ?`);
  const rawById = db.prepare<[string], string>('SELECT raw_json FROM xero_contacts WHERE contact_id = ?').pluck();
  const storedByIds = db
    .prepare<[string], [string, string, string, string, string, string]>(
      `SELECT contact_id, name, account_number, status, updated_date_utc, raw_json FROM xero_contacts
       WHERE contact_id IN (SELECT value FROM json_each(?))`,
    )
    .raw(true);
  const byNumber = db.prepare<[string], XeroContactRow>(`${SELECT} WHERE account_number = ? ORDER BY contact_id`);
  const total = db.prepare<[], number>('SELECT count(*) FROM xero_contacts').pluck();
  const raws = db.prepare<[], string>('SELECT raw_json FROM xero_contacts ORDER BY contact_id').pluck();
  const sweep = db.prepare<[number]>('DELETE FROM xero_contacts WHERE import_id IS NULL OR import_id < ?');
  const salesButNotCustomer = db
    .prepare<[], string>(
      `SELECT DISTINCT c.contact_id FROM xero_invoices i JOIN xero_contacts c ON c.contact_id = i.contact_id
       WHERE c.is_customer = 0 AND i.type IN ('ACCREC', 'ACCRECCREDIT') ORDER BY c.contact_id`,
    )
    .pluck();

  const write = (items: readonly XeroContactItem[], importId: number | null): void => {
    for (const item of items) upsert.run(toRow(item, importId));
  };
  const upsertAll = db.transaction(write);
  // Not upsertAll inside: a nested transaction is a savepoint, which journals every page it touches (much slower).
  const replace = db.transaction((items: readonly XeroContactItem[], importId: number) => {
    clear.run();
    write(items, importId);
  });

  return {
    /** Inserts or updates contacts (a sync page); others are left as they are. One transaction. */
    upsertMany(items: readonly XeroContactItem[], importId?: number): void {
      upsertAll(items, importId ?? null);
    },
    /** upsertMany inside the caller's transaction (no savepoint: about twice as fast for a 1000-row page). */
    upsertInTransaction(items: readonly XeroContactItem[], importId?: number): void {
      if (!db.inTransaction) throw new Error('upsertInTransaction needs an open transaction');
      write(items, importId ?? null);
    },
    /** Replaces the whole cache (a Xero file import is the whole Xero side). One transaction. */
    replaceAll(items: readonly XeroContactItem[], importId: number): void {
      replace(items, importId);
    },
    /** Every contact, ordered by contact id. */
    list(): XeroContact[] {
      return all.all().map((r) =>
        toContact({
          contact_id: r[0],
          name: r[1],
          account_number: r[2],
          status: r[3],
          is_customer: r[4],
          is_supplier: r[5],
          email: r[6],
          phone: r[7],
          address: r[8],
          postcode: r[9],
          updated_date_utc: r[10],
          merged_to_contact_id: r[11],
        }),
      );
    },
    get(contactId: string): XeroContact | undefined {
      const row = byId.get(contactId);
      return row && toContact(row);
    },
    getRaw(contactId: string): unknown {
      const text = rawById.get(contactId);
      return text === undefined ? undefined : fromJson(text);
    },
    /**
     * The contacts with these ids as a correction keeps them (its before-image), by id, in one read (absent ids are not
     * in the map): the fields it compares (ContactID, Name, AccountNumber, ContactStatus, UpdatedDateUTC as ISO) from
     * their columns, each object frozen and standing for the contact's raw JSON, which toJson writes as stored: the
     * thousands a plan reads are not parsed.
     */
    storedCopiesOf(contactIds: Iterable<string>): Map<string, Readonly<Record<string, string>>> {
      return new Map(
        storedByIds
          .all(JSON.stringify([...new Set(contactIds)]))
          .map(([id, name, accountNumber, status, updated, text]) => [
            id,
            standingFor({ ContactID: id, Name: name, AccountNumber: accountNumber, ContactStatus: status, UpdatedDateUTC: updated }, text),
          ]),
      );
    },
    /** Every contact's raw JSON, ordered by contact id. */
    listRaw(): unknown[] {
      return raws.all().map((text) => fromJson(text));
    },
    /** The contacts holding `code` as AccountNumber (Xero allows one; a stale cache or a file may hold more). */
    byAccountNumber(code: string): XeroContact[] {
      return byNumber.all(code).map(toContact);
    },
    count(): number {
      return total.get() ?? 0;
    },
    /** Contacts stored as not a customer although a sales invoice or credit note of theirs is stored (a stale flag?). */
    notCustomerWithSales(): string[] {
      return salesButNotCustomer.all();
    },
    /** Deletes the contacts last written before import `importId` (after a full sync: no longer in Xero). */
    removeWrittenBefore(importId: number): number {
      return sweep.run(importId).changes;
    },
  };
}

export type XeroContactsRepo = ReturnType<typeof createXeroContactsRepo>;
