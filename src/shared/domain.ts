// Domain records shared by every layer: no Node, no DOM, no electron.
import { z } from 'zod';

/** How to read a CSV that mixes UTF-8 with other bytes (which is refused until the user chooses). */
export const ChosenEncoding = z.enum(['utf-8', 'windows-1252']);
export type ChosenEncoding = z.infer<typeof ChosenEncoding>;

/** "UTF-8", "Windows-1252"…: an importer's encoding name as import summaries show it ("read as UTF-8"). */
export function encodingLabel(encoding: string): string {
  const labels: Record<string, string> = {
    'utf-8': 'UTF-8',
    'utf-8-bom': 'UTF-8',
    'utf-16le': 'UTF-16',
    'utf-16be': 'UTF-16',
    'windows-1252': 'Windows-1252',
  };
  return labels[encoding] ?? encoding;
}

/** One CocoonOPS billing account, as imported from an export (row = 1-based data row in the file). */
export const BillingAccount = z.object({
  row: z.number().int().positive(),
  code: z.string().min(1),
  name: z.string().min(1),
  contactName: z.string().default(''),
  email: z.string().default(''),
  phone: z.string().default(''),
  address: z.string().default(''),
  postcode: z.string().default(''),
  status: z.string().default(''),
});
export type BillingAccount = z.infer<typeof BillingAccount>;

export const ContactStatus = z.enum(['ACTIVE', 'ARCHIVED', 'GDPRREQUEST']);
export type ContactStatus = z.infer<typeof ContactStatus>;

/** The fields of a Xero contact that matching and review use (the raw JSON is kept beside it in the workspace). */
export const XeroContact = z.object({
  contactId: z.string().min(1),
  name: z.string(),
  accountNumber: z.string().default(''),
  status: ContactStatus.default('ACTIVE'),
  isCustomer: z.boolean().default(false),
  isSupplier: z.boolean().default(false),
  email: z.string().default(''),
  phone: z.string().default(''),
  /** Street (else first) address, lines joined with ", " (without postcode). */
  address: z.string().default(''),
  postcode: z.string().default(''),
  /** ISO 8601 UTC. */
  updatedDateUtc: z.string().default(''),
  /** The contact this one was merged into in Xero's web app (it is then ARCHIVED and keeps its AccountNumber). */
  mergedToContactId: z.string().optional(),
});
export type XeroContact = z.infer<typeof XeroContact>;

export const FINDING_KINDS = [
  'ok',
  'name_mismatch',
  'archived_holder',
  'code_missing',
  'code_conflict',
  'not_in_xero',
  'ambiguous',
  'not_customer',
  'code_differs',
] as const;
export const FindingKind = z.enum(FINDING_KINDS);
export type FindingKind = z.infer<typeof FindingKind>;

/**
 * Kinds whose next sync fails, as the sync model (sync-model.ts) predicts: Xero refuses the invoice (name_mismatch,
 * archived_holder, code_conflict), or CocoonOPS may not use the contact (not_customer). Every other kind passes.
 */
export const FAILING_KINDS: readonly FindingKind[] = ['name_mismatch', 'archived_holder', 'code_conflict', 'not_customer'];

/** How many accounts will fail on the next sync, from counts per kind. */
export function countFailing(counts: Readonly<Record<FindingKind, number>>): number {
  return FAILING_KINDS.reduce((n, k) => n + counts[k], 0);
}

export const EvidenceField = z.enum(['code', 'name', 'address', 'postcode', 'phone', 'email']);
export type EvidenceField = z.infer<typeof EvidenceField>;

/** One field's contribution to a pair's score, in the manner of a Fellegi-Sunter / Splink match weight. */
export const Contribution = z.object({
  field: EvidenceField,
  /** Comparison level, e.g. "exact", "legal form only", "similar", "different", "missing". */
  level: z.string(),
  /** log2 Bayes factor: positive = evidence for the same business, negative = against, 0 = no information. */
  weight: z.number(),
});
export type Contribution = z.infer<typeof Contribution>;

export const Candidate = z.object({
  contactId: z.string(),
  name: z.string(),
  accountNumber: z.string(),
  score: z.number().min(0).max(1),
});
export type Candidate = z.infer<typeof Candidate>;

export const SuggestedFix = z.enum([
  'none',
  'rename_in_xero_or_cocoon', // make the names equal on whichever side is wrong
  'set_account_number', // put the code on the matched Xero contact
  'restore_archived', // the holder is archived: restore it, or free the code
  'recode_in_cocoon', // the code belongs to an unrelated business: give the account another code
  'mark_customer', // raise an invoice / check the Xero contact is a customer
  'review', // ambiguous: a person must choose
  'create_in_xero', // nothing in Xero: the sync will create it
  'use_xero_code', // invoices are filed to a same-name contact with another code: use that code in CocoonOPS
  'follow_merge', // the archived contact was merged into another in Xero: fix the account against the surviving one
]);
export type SuggestedFix = z.infer<typeof SuggestedFix>;

/** What the sync model says Xero does with the account's next invoice (see sync-model.ts). */
export const SyncPrediction = z.object({
  /** Filed to the active contact of that name; a contact created for it; or refused. */
  outcome: z.enum(['filed', 'created', 'refused']),
  /** Xero's message when refused. */
  message: z.string().nullable(),
  /** Why the prediction is not certain ("may fail"), or null. */
  doubt: z.string().nullable(),
});
export type SyncPrediction = z.infer<typeof SyncPrediction>;

/** What will happen to one billing account on the next sync, and why. */
export const Finding = z.object({
  accountCode: z.string(),
  accountRow: z.number().int(),
  kind: FindingKind,
  /** The Xero contact that is the same business (null when none). */
  xeroContactId: z.string().nullable(),
  /** The Xero contact that holds the billing code as AccountNumber (null when none). */
  codeHolderId: z.string().nullable(),
  /** Probability in [0, 1] that the finding's contact (else the code holder, else the best candidate) is the same business. */
  score: z.number().min(0).max(1),
  explanation: z.string(),
  contributions: z.array(Contribution),
  candidates: z.array(Candidate),
  fix: SuggestedFix,
  sync: SyncPrediction,
});
export type Finding = z.infer<typeof Finding>;

/** Findings about Xero alone (no billing account): likely duplicate contacts. */
export const XeroFinding = z.object({
  kind: z.literal('duplicate_contact'),
  contactIds: z.array(z.string()).min(2),
  score: z.number().min(0).max(1),
  explanation: z.string(),
});
export type XeroFinding = z.infer<typeof XeroFinding>;

export interface MatchResult {
  findings: Finding[];
  xeroFindings: XeroFinding[];
}
