// The current CocoonOPS snapshot: every import replaces the whole set (an export is a full list).
import type { BillingAccount } from '../../../shared/domain';
import type { Db } from './common';

export interface BillingAccountRow {
  code: string;
  import_id: number;
  row: number;
  name: string;
  contact_name: string;
  email: string;
  phone: string;
  address: string;
  postcode: string;
  status: string;
}

const SELECT = 'SELECT code, row, name, contact_name, email, phone, address, postcode, status FROM billing_accounts';

/** An account as the columns of `byCodes` (in BillingAccount's order). */
type AccountArray = [number, string, string, string, string, string, string, string, string];

const toAccount = (r: Omit<BillingAccountRow, 'import_id'>): BillingAccount => ({
  row: r.row,
  code: r.code,
  name: r.name,
  contactName: r.contact_name,
  email: r.email,
  phone: r.phone,
  address: r.address,
  postcode: r.postcode,
  status: r.status,
});

export function createBillingAccountsRepo(db: Db) {
  const clear = db.prepare('DELETE FROM billing_accounts');
  const insert = db.prepare<[BillingAccountRow]>(
    `INSERT INTO billing_accounts (code, import_id, row, name, contact_name, email, phone, address, postcode, status)
     VALUES (@code, @import_id, @row, @name, @contact_name, @email, @phone, @address, @postcode, @status)`,
  );
  const all = db.prepare<[], BillingAccountRow>(`${SELECT} ORDER BY row, code`);
  const byCode = db.prepare<[string], BillingAccountRow>(`${SELECT} WHERE code = ?`);
  // Arrays, not objects: better-sqlite3 builds a row object several times slower than the same row as an array.
  const byCodes = db
    .prepare<[string], AccountArray>(
      'SELECT a.row, a.code, a.name, a.contact_name, a.email, a.phone, a.address, a.postcode, a.status ' +
        'FROM json_each(?) j CROSS JOIN billing_accounts a ON a.code = j.value',
    )
    .raw(true);
  const total = db.prepare<[], number>('SELECT count(*) FROM billing_accounts').pluck();
  const places = db.prepare<[], [string, string, number]>('SELECT code, name, row FROM billing_accounts').raw(true);

  const replace = db.transaction((importId: number, accounts: readonly BillingAccount[]) => {
    clear.run();
    for (const a of accounts) {
      insert.run({
        code: a.code,
        import_id: importId,
        row: a.row,
        name: a.name,
        contact_name: a.contactName,
        email: a.email,
        phone: a.phone,
        address: a.address,
        postcode: a.postcode,
        status: a.status,
      });
    }
  });

  return {
    /** Replaces the whole snapshot in one transaction: on any failure (e.g. a duplicate code) the old set stays. */
    replaceAll(importId: number, accounts: readonly BillingAccount[]): void {
      replace(importId, accounts);
    },
    /** Every account, in file row order. */
    list(): BillingAccount[] {
      return all.all().map(toAccount);
    },
    /** Each account's name and file row by code: what a list of lines needs to name and order them (a few ms for 10,000). */
    places(): Map<string, { name: string; row: number }> {
      return new Map(places.all().map(([code, name, row]) => [code, { name, row }]));
    },
    get(code: string): BillingAccount | undefined {
      const row = byCode.get(code);
      return row && toAccount(row);
    },
    /** The accounts with these codes, by code, in one read (unknown codes are not in the map). */
    getMany(codes: Iterable<string>): Map<string, BillingAccount> {
      return new Map(
        byCodes
          .all(JSON.stringify([...codes]))
          .map(([row, code, name, contactName, email, phone, address, postcode, status]) => [
            code,
            { row, code, name, contactName, email, phone, address, postcode, status },
          ]),
      );
    },
    count(): number {
      return total.get() ?? 0;
    },
  };
}

export type BillingAccountsRepo = ReturnType<typeof createBillingAccountsRepo>;
