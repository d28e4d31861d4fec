// CocoonOPS sync exceptions: playbooks, invoice-number checks, checklist steps. Zod schemas so the contract can
// validate them at the boundary; no Node, no DOM, no electron.
import { z } from 'zod';
import { ChosenEncoding, Finding } from './domain';

export const PLAYBOOK_IDS = [
  'account_number_exists',
  'invoice_number_unique',
  'contact_name_taken',
  'contact_archived',
  'contact_not_found',
  'contact_missing',
  'contact_number_taken',
  'contact_email_invalid',
  'account_code_invalid',
  'tax_type_invalid',
  'currency_not_subscribed',
  'currency_rate_required',
  'lock_date',
  'document_locked',
  'document_not_found',
  'line_items_missing',
  'date_missing',
  'xero_connection',
  'xero_busy',
  'validation_no_detail',
  'unknown',
] as const;
export const PlaybookId = z.enum(PLAYBOOK_IDS);
export type PlaybookId = z.infer<typeof PlaybookId>;

/**
 * Whether to re-send the invoice from CocoonOPS: after fixing the cause; only when the invoice-number check
 * says it is not in Xero; never (re-sending would fail the same way); or after waiting (transient errors).
 */
export const ResendPolicy = z.enum(['after_fix', 'if_not_in_xero', 'never', 'after_wait']);
export type ResendPolicy = z.infer<typeof ResendPolicy>;

/** Where the cause lives. */
export const PlaybookArea = z.enum(['contact', 'document', 'line', 'settings', 'connection', 'unknown']);
export type PlaybookArea = z.infer<typeof PlaybookArea>;

/** A playbook as the UI shows it (the classifier's patterns stay in the main process). */
export const Playbook = z.object({
  id: PlaybookId,
  title: z.string(),
  area: PlaybookArea,
  /** Xero's message(s) as documented or observed (variable parts shown as examples). */
  xeroMessages: z.array(z.string()),
  /** Where the messages come from (spec lines, issues, vendors' help pages). */
  sources: z.array(z.string()),
  /** False when no primary or secondary source quotes the message: the text is our guess. */
  confirmed: z.boolean(),
  cause: z.array(z.string()),
  resolve: z.array(z.string()),
  resend: ResendPolicy,
  check: z.array(z.string()),
  /** The exception is about the billing account: show the account's finding and decision. */
  linksAccount: z.boolean(),
  /** The exception is about one document: look its number up among the synced invoices and credit notes. */
  checksDocument: z.boolean(),
});
export type Playbook = z.infer<typeof Playbook>;

/** Values read out of Xero's message (names, codes, dates as written in it). */
export const MessageDetails = z.object({
  contactName: z.string().optional(),
  contactId: z.string().optional(),
  accountCode: z.string().optional(),
  taxType: z.string().optional(),
  currency: z.string().optional(),
  lockDate: z.string().optional(),
  lockKind: z.enum(['period', 'end_of_year']).optional(),
  /** A billing account number or document number that CocoonOPS put into the message text. */
  accountNumber: z.string().optional(),
  documentNumber: z.string().optional(),
});
export type MessageDetails = z.infer<typeof MessageDetails>;

export const Classification = z.object({
  playbookId: PlaybookId,
  /** Other playbooks whose messages appear in the same text (an exception can hold several messages). */
  also: z.array(PlaybookId),
  details: MessageDetails,
});
export type Classification = z.infer<typeof Classification>;

export const DocType = z.enum(['invoice', 'credit_note']);
export type DocType = z.infer<typeof DocType>;

/**
 * exists_matches: in Xero, and its contact, date and total (and whatever else was compared) agree; exists_differs: in
 * Xero, something compared differs; exists_unverified: in Xero, but the exception gave too little to compare;
 * not_found: no synced sales document has the number; cannot_check: no number, or no invoices synced yet.
 */
export const VERDICTS = ['exists_matches', 'exists_differs', 'exists_unverified', 'not_found', 'cannot_check'] as const;
export const Verdict = z.enum(VERDICTS);
export type Verdict = z.infer<typeof Verdict>;

export const CheckField = z.enum(['type', 'contact', 'date', 'total', 'currency', 'status']);
export type CheckField = z.infer<typeof CheckField>;

export const Difference = z.object({ field: CheckField, cocoon: z.string(), xero: z.string() });
export type Difference = z.infer<typeof Difference>;

/** A synced Xero sales invoice or credit note, with its contact's AccountNumber from the contact cache. */
export const XeroDocument = z.object({
  invoiceId: z.string(),
  docType: DocType,
  /** ACCREC, ACCRECCREDIT, ACCPAY, … */
  type: z.string(),
  number: z.string(),
  contactId: z.string(),
  contactName: z.string(),
  /** null when the contact is not in the workspace's contact cache. */
  contactAccountNumber: z.string().nullable(),
  date: z.string(),
  total: z.number(),
  currency: z.string(),
  status: z.string(),
});
export type XeroDocument = z.infer<typeof XeroDocument>;

export const InvoiceCheck = z.object({
  verdict: Verdict,
  /** One sentence: what was found and what it means. */
  summary: z.string(),
  /** The Xero document compared (null for not_found / cannot_check). */
  xero: XeroDocument.nullable(),
  differences: z.array(Difference),
  compared: z.array(CheckField),
  notCompared: z.array(z.object({ field: CheckField, why: z.string() })),
  /** Facts worth knowing that are not differences (e.g. names differ while the account numbers agree). */
  notes: z.array(z.string()),
  /** Other synced documents with the same number (e.g. a credit note sharing an invoice's number). */
  others: z.array(XeroDocument),
  /** When Xero was last synced (null when unknown). */
  syncedAt: z.string().nullable(),
});
export type InvoiceCheck = z.infer<typeof InvoiceCheck>;

export const ExceptionSource = z.enum(['file', 'pasted']);
export type ExceptionSource = z.infer<typeof ExceptionSource>;

/** The CocoonOPS side of one exception, as imported or pasted (empty string = not given). */
export const ExceptionInput = z.object({
  message: z.string().trim().min(1, 'the exception text is empty'),
  docType: DocType.nullable().default(null),
  number: z.string().trim().default(''),
  accountCode: z.string().trim().default(''),
  contactName: z.string().trim().default(''),
  /** ISO date (YYYY-MM-DD) of the invoice or credit note. */
  date: z.string().default(''),
  total: z.number().nullable().default(null),
  currency: z.string().trim().toUpperCase().default(''),
  /** The invoice's state in CocoonOPS, as exported (used in the re-send steps). */
  state: z.string().trim().default(''),
  /** When CocoonOPS raised the exception, as exported (shown, not compared). */
  raisedAt: z.string().trim().default(''),
});
export type ExceptionInput = z.infer<typeof ExceptionInput>;
export type ExceptionInputDraft = z.input<typeof ExceptionInput>;

export const ExceptionItem = ExceptionInput.extend({
  id: z.number().int(),
  source: ExceptionSource,
  fileName: z.string().nullable(),
  /** Row in the imported file (null when pasted). */
  row: z.number().int().nullable(),
  playbookId: PlaybookId,
  also: z.array(PlaybookId),
  details: MessageDetails,
  /** Only for exceptions whose playbook checks the document (e.g. "Invoice # must be unique"). */
  verdict: Verdict.nullable(),
  check: InvoiceCheck.nullable(),
  checkedAt: z.string().nullable(),
  importedAt: z.string(),
  /** The last import that contained it (it is still open in CocoonOPS). */
  lastSeenAt: z.string(),
  resolvedAt: z.string().nullable(),
  resolvedNote: z.string(),
});
export type ExceptionItem = z.infer<typeof ExceptionItem>;

export const ExceptionsQuery = z.object({
  playbook: PlaybookId.optional(),
  verdict: Verdict.optional(),
  resolved: z.boolean().optional(),
});
export type ExceptionsQuery = z.infer<typeof ExceptionsQuery>;

/** Where a checklist step is done. */
export const StepPlace = z.enum(['cocoonops', 'xero', 'reconciler']);
export type StepPlace = z.infer<typeof StepPlace>;

export const StepKind = z.enum(['close_exception', 'resend', 'fix', 'check', 'wait']);
export type StepKind = z.infer<typeof StepKind>;

/** One line of the CocoonOPS checklist (merged with the corrections' checklist). */
export const ChecklistStep = z.object({
  exceptionId: z.number().int(),
  accountCode: z.string(),
  documentNumber: z.string(),
  docType: DocType.nullable(),
  /** 1, 2, 3, … within the exception. */
  order: z.number().int().positive(),
  place: StepPlace,
  kind: StepKind,
  text: z.string(),
});
export type ChecklistStep = z.infer<typeof ChecklistStep>;

export const LinkedDecision = z.object({
  id: z.number().int(),
  action: z.string(),
  note: z.string(),
  createdAt: z.string(),
});
export type LinkedDecision = z.infer<typeof LinkedDecision>;

export const ExceptionDetail = z.object({
  exception: ExceptionItem,
  playbook: Playbook,
  also: z.array(Playbook),
  /** The billing account's current finding and decision (whenever the exception names a billing account code). */
  finding: Finding.nullable(),
  decision: LinkedDecision.nullable(),
  steps: z.array(ChecklistStep),
});
export type ExceptionDetail = z.infer<typeof ExceptionDetail>;

export const ImportProblem = z.object({
  row: z.number().int(),
  column: z.string().optional(),
  severity: z.enum(['error', 'warning']),
  message: z.string(),
});
export type ImportProblem = z.infer<typeof ImportProblem>;

export const ExceptionImportSummary = z.object({
  batchId: z.number().int(),
  fileName: z.string(),
  /** Exceptions in the file (duplicates counted once). */
  rows: z.number().int(),
  added: z.number().int(),
  /** Already in the workspace from an earlier import: refreshed, resolution kept. */
  updated: z.number().int(),
  /** Marked resolved here but still in this CocoonOPS export: the fix may not have worked. */
  stillOpen: z.array(z.number().int()),
  ids: z.array(z.number().int()),
  warnings: z.array(ImportProblem),
  /** The text encoding the file was read in ("UTF-8", "Windows-1252"). */
  readAs: z.string(),
});
export type ExceptionImportSummary = z.infer<typeof ExceptionImportSummary>;

/** The fields an Exceptions Manager export can map to (the column-mapping UI lists them with their labels). */
export const EXCEPTION_FIELDS = [
  'message',
  'invoiceNumber',
  'creditNoteNumber',
  'document',
  'accountCode',
  'contactName',
  'type',
  'date',
  'total',
  'currency',
  'state',
  'raisedAt',
] as const;
export const ExceptionField = z.enum(EXCEPTION_FIELDS);
export type ExceptionField = z.infer<typeof ExceptionField>;

export const EXCEPTION_FIELD_LABELS: Record<ExceptionField, string> = {
  message: 'exception text',
  invoiceNumber: 'invoice number',
  creditNoteNumber: 'credit note number',
  document: 'document number',
  accountCode: 'billing account code',
  contactName: 'organisation / contact name',
  type: 'document type',
  date: 'document date',
  total: 'total',
  currency: 'currency',
  state: 'invoice state',
  raisedAt: 'date the exception was raised',
};

/** Header text per field chosen by the user; null = do not use the field. Overrides detection. */
export const ExceptionMapping = z.partialRecord(ExceptionField, z.string().nullable());
export type ExceptionMapping = z.infer<typeof ExceptionMapping>;

export const ExceptionImportOptions = z.object({
  mapping: ExceptionMapping.optional(),
  /** XLSX worksheet name; the first worksheet when omitted. */
  sheet: z.string().optional(),
  /** How to read a CSV that mixes UTF-8 with other bytes (refused without it). */
  encoding: ChosenEncoding.optional(),
});
export type ExceptionImportOptions = z.infer<typeof ExceptionImportOptions>;

const FIELD_TEXT = Object.fromEntries(EXCEPTION_FIELDS.map((f) => [f, z.string()])) as Record<ExceptionField, z.ZodString>;

export const ExceptionsPreview = z.object({
  header: z.array(z.string()),
  /** The first rows as mapped (trimmed cell text), empty rows left out. */
  rows: z.array(z.object({ row: z.number().int(), ...FIELD_TEXT })),
  /** Data rows in the file, empty ones included. */
  totalRows: z.number().int(),
  columns: z.object({ mapping: z.record(ExceptionField, z.string().nullable()), unknown: z.array(z.string()) }),
  /** Every problem in the file, errors and warnings, by row. */
  problems: z.array(ImportProblem),
  encoding: z.string().nullable(),
  format: z.enum(['csv', 'xlsx']).nullable(),
});
export type ExceptionsPreview = z.infer<typeof ExceptionsPreview>;

export const RecheckResult = z.object({ checked: z.number().int(), byVerdict: z.record(Verdict, z.number().int()) });
export type RecheckResult = z.infer<typeof RecheckResult>;
