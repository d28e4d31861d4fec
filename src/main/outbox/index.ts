// The outbox: corrections from decisions, the checked plan, the safe push to Xero (resumable, idempotent), undo,
// the CocoonOPS checklist (its files: exports/checklist-files). What the app's handlers, the CLI and the tests call.
export { buildPlan } from './plan';
export { pushOutbox, type PushOptions } from './push';
export { undoCorrections } from './undo';
export { listCorrections, retryCorrections, toView } from './views';
export { buildChecklist, currentChecklist, tickLine } from './checklist';
export { diffOutbox, materialise } from './materialise';
export { checkPlan, type Block, type CheckItem } from './checks';
export { draftsFor } from './derive';
export { idempotencyKey, MAX_KEY_LENGTH } from './keys';
export { targetState, type TargetState } from './compare';
