// Reads a bench data set with the product's own importers (the same code path as the CLI's `match`).
import { join } from 'node:path';
import type { BillingAccount, XeroContact } from '../../src/shared/domain';
import { parseAccountsFile } from '../../src/main/cocoon/import-accounts';
import { readContactsFile } from '../../src/main/imports/xero-contacts-file';
import { FILES } from './dataset';

export async function readDataset(dir: string): Promise<{ accounts: BillingAccount[]; contacts: XeroContact[] }> {
  const [{ accounts }, { contacts }] = await Promise.all([
    parseAccountsFile(join(dir, FILES.cocoon)),
    readContactsFile(join(dir, FILES.xero)),
  ]);
  return { accounts, contacts };
}
