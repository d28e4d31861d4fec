// The outbox: corrections from decisions, the checked plan, the safe push to Xero (resumable, idempotent), undo,
// the CocoonOPS checklist and the audit log's export. What the app's handlers, the CLI and the tests call.
export { buildPlan } from './plan';
export { pushOutbox, type PushOptions } from './push';
export { undoCorrections, undoRefusal } from './undo';
export { listCorrections, retryCorrections, toView } from './views';
export { buildChecklist, currentChecklist, tickLine } from './checklist';
export { allAuditEntries, auditCsv, checklistCsv, checklistHtml, checklistXlsx, AUDIT_CSV_COLUMNS, CHECKLIST_CSV_COLUMNS } from './exports';
export { diffOutbox, materialise } from './materialise';
export { checkPlan, type Block, type CheckItem } from './checks';
export { draftsFor } from './derive';
export { idempotencyKey, MAX_KEY_LENGTH } from './keys';
export { targetState, type TargetState } from './compare';
