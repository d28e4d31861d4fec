// A workspace: one open SQLite file per Xero organisation, with a repository per table group.
import type Database from 'better-sqlite3';
import { createAuditLogRepo, type AuditLogRepo } from './repos/audit-log';
import { createBillingAccountsRepo, type BillingAccountsRepo } from './repos/billing-accounts';
import type { NowIso } from './repos/common';
import { createDecisionsRepo, type DecisionsRepo } from './repos/decisions';
import { createExceptionsRepo, type ExceptionsRepo } from './repos/exceptions';
import { createFindingsRepo, type FindingsRepo } from './repos/findings';
import { createImportsRepo, type ImportsRepo } from './repos/imports';
import { createInvoicesRepo, type InvoicesRepo } from './repos/invoices';
import { createOutboxRepo, type OutboxRepo } from './repos/outbox';
import { createSyncStateRepo, type SyncStateRepo } from './repos/sync-state';
import { createXeroContactsRepo, type XeroContactsRepo } from './repos/xero-contacts';

export interface Workspace {
  readonly path: string;
  readonly db: Database.Database;
  readonly readonly: boolean;
  readonly imports: ImportsRepo;
  readonly accounts: BillingAccountsRepo;
  readonly contacts: XeroContactsRepo;
  readonly invoices: InvoicesRepo;
  readonly findings: FindingsRepo;
  readonly decisions: DecisionsRepo;
  readonly audit: AuditLogRepo;
  readonly syncState: SyncStateRepo;
  readonly exceptions: ExceptionsRepo;
  readonly outbox: OutboxRepo;
  /** Runs `fn` in one transaction (nested calls become savepoints). `fn` must be synchronous. */
  transaction<T>(fn: () => T): T;
  /** Closes the connection; safe to call twice. */
  close(): void;
}

export interface WorkspaceParts {
  path: string;
  db: Database.Database;
  now: NowIso;
  /** Runs after the connection has closed. */
  afterClose?: () => void;
}

export function createWorkspace({ path, db, now, afterClose }: WorkspaceParts): Workspace {
  return {
    path,
    db,
    readonly: db.readonly,
    imports: createImportsRepo(db, now),
    accounts: createBillingAccountsRepo(db),
    contacts: createXeroContactsRepo(db),
    invoices: createInvoicesRepo(db),
    findings: createFindingsRepo(db),
    decisions: createDecisionsRepo(db, now),
    audit: createAuditLogRepo(db, now),
    syncState: createSyncStateRepo(db),
    exceptions: createExceptionsRepo(db, now),
    outbox: createOutboxRepo(db, now),
    transaction<T>(fn: () => T): T {
      return db.transaction(fn)();
    },
    close(): void {
      if (!db.open) return;
      db.close();
      afterClose?.();
    },
  };
}
