// The exceptions part of the contract: list with filters, detail (playbook, invoice check, linked finding),
// import of an Exceptions Manager export (preview first), a pasted message, resolve / reopen, re-check and the
// CocoonOPS steps. Merged into contract.ts (see EXCEPTIONS_CHANNELS).
import { z } from 'zod';
import type { ExceptionsChannel } from './channels-exceptions';
import { ChosenEncoding } from './domain';
import {
  ChecklistStep,
  DocType,
  EXCEPTION_FIELDS,
  ExceptionDetail,
  ExceptionImportSummary,
  ExceptionItem,
  ExceptionsPreview,
  Playbook,
  PlaybookId,
  RecheckResult,
  Verdict,
} from './exceptions';

const ExceptionId = z.number().int().positive();
/** Base64 of an uploaded file (files over 200 MB are refused by the importers anyway). */
const FileContent = z.base64().max(280_000_000, 'the file is too large (over 200 MB)');
const FileName = z.string().trim().min(1, 'a file name is required').max(500);

/** Header text per exception field chosen by the user; null = do not use the field. */
export const ExceptionColumnMapping = z.partialRecord(z.enum(EXCEPTION_FIELDS), z.string().max(200).nullable());
export type ExceptionColumnMapping = z.infer<typeof ExceptionColumnMapping>;

export const ExceptionsFileInput = z.strictObject({
  fileName: FileName,
  content: FileContent,
  mapping: ExceptionColumnMapping.optional(),
  /** XLSX worksheet name (the first one when omitted). */
  sheet: z.string().trim().min(1).max(200).optional(),
  encoding: ChosenEncoding.optional(),
});

export const ExceptionsFilter = z.strictObject({
  playbook: PlaybookId.optional(),
  verdict: Verdict.optional(),
  resolved: z.boolean().optional(),
});

export const PasteInput = z.strictObject({
  message: z.string().trim().min(1, 'paste the error message').max(10_000, 'the message is too long (over 10,000 characters)'),
  /** The invoice or credit note number, when known. */
  number: z.string().trim().max(100).optional(),
  /** The billing account code, when known. */
  accountCode: z.string().trim().max(200).optional(),
  docType: DocType.optional(),
});

export const ExceptionList = z.object({
  items: z.array(ExceptionItem),
  /** Every playbook (titles for badges, choices for the filter). */
  playbooks: z.array(Playbook),
});
export type ExceptionList = z.infer<typeof ExceptionList>;

export const exceptionsContract = {
  'exceptions.list': { input: ExceptionsFilter, output: ExceptionList },
  'exceptions.detail': { input: z.strictObject({ id: ExceptionId }), output: ExceptionDetail },
  'exceptions.previewImport': { input: ExceptionsFileInput, output: ExceptionsPreview },
  'exceptions.import': { input: ExceptionsFileInput, output: ExceptionImportSummary },
  'exceptions.paste': { input: PasteInput, output: ExceptionDetail },
  'exceptions.setResolved': {
    input: z.strictObject({ id: ExceptionId, resolved: z.boolean(), note: z.string().trim().max(2000).optional() }),
    output: ExceptionItem,
  },
  /** The invoice-number check again (e.g. after a sync), for the given open exceptions or all of them. */
  'exceptions.recheck': { input: z.strictObject({ ids: z.array(ExceptionId).max(200_000).optional() }), output: RecheckResult },
  'exceptions.checklist': { input: z.strictObject({ includeResolved: z.boolean().default(false) }), output: z.array(ChecklistStep) },
} satisfies Record<ExceptionsChannel, { input: z.ZodType; output: z.ZodType }>;
