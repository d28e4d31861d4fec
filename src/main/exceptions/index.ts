// CocoonOPS sync exceptions: playbooks, classification, invoice-number checks, import and the workspace service.
export { classifyMessage, normaliseMessage } from './classify-message';
export { EXCEPTION_FIELDS, EXCEPTION_FIELD_LABELS, type ExceptionField, type ExceptionMapping } from './export-columns';
export {
  parseExceptionsBuffer,
  parseExceptionsFile,
  previewExceptions,
  type ExceptionImportOptions,
  type ExceptionsPreview,
} from './import-exceptions';
export { checkInvoiceNumber, type CocoonDocument } from './invoice-check';
export { listPlaybooks, playbook, PLAYBOOKS, RESEND_STEPS } from './playbooks';
export {
  addPastedException,
  exceptionChecklist,
  ExceptionNotFoundError,
  getException,
  importExceptionsBuffer,
  importExceptionsFile,
  listExceptions,
  recheckExceptions,
  setExceptionResolved,
  syncContext,
} from './service';
export { resendSteps, stepsFor } from './steps';
export { exceptionsCsv, exceptionsJson, EXCEPTIONS_CSV_COLUMNS } from './report';
