// The workspace database: open a file, get typed repositories.
export { openWorkspace, type OpenWorkspaceOptions } from './connection';
export { WorkspaceError, type WorkspaceErrorCode } from './errors';
export { APPLICATION_ID } from './format';
export { LATEST_SCHEMA } from './migrations/index';
export type { Workspace } from './workspace';
export type { AuditEntry, NewAuditEntry } from './repos/audit-log';
export type { Decision, DecisionSource, NewDecision } from './repos/decisions';
export type { ImportKind, ImportRecord, ImportStatus } from './repos/imports';
export type { InvoiceDocType, XeroInvoice, XeroInvoiceItem } from './repos/invoices';
export type { XeroContactItem } from './repos/xero-contacts';
