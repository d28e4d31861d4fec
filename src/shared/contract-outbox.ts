// The outbox, checklist and audit part of the contract: corrections, the push plan, push progress and results,
// undo, the CocoonOPS checklist and the audit log. Merged into contract.ts (see OUTBOX_CHANNELS).
import { z } from 'zod';
import type { OutboxChannel, OutboxEventName } from './channels-outbox';
import { ContactStatus, FindingKind } from './domain';

export const CORRECTION_STATUSES = ['queued', 'sending', 'done', 'failed', 'conflict', 'undone'] as const;
export const CorrectionStatus = z.enum(CORRECTION_STATUSES);
export type CorrectionStatus = z.infer<typeof CorrectionStatus>;

/**
 * rename / account_number / restore / undo are written to Xero through the API; make_customer and free_number
 * (clear the AccountNumber an archived contact holds) are steps in the Xero web app; cocoon_rename / cocoon_recode / resend are steps in CocoonOPS (all three on the checklist).
 */
export const CORRECTION_KINDS = [
  'rename',
  'account_number',
  'restore',
  'undo',
  'make_customer',
  'free_number',
  'cocoon_rename',
  'cocoon_recode',
  'resend',
] as const;
export const CorrectionKind = z.enum(CORRECTION_KINDS);
export type CorrectionKind = z.infer<typeof CorrectionKind>;
/** Kinds written through POST /Contacts. */
export const API_KINDS: ReadonlySet<CorrectionKind> = new Set(['rename', 'account_number', 'restore', 'undo']);
/** Xero contact fields a decision may change that the API cannot write: each is a step in Xero's web app (checklist). */
export const XERO_WEB_APP_FIELDS: readonly string[] = ['IsCustomer'];

export const CorrectionTarget = z.enum(['xero', 'cocoon']);
export type CorrectionTarget = z.infer<typeof CorrectionTarget>;

/** One field a correction changes: a Xero contact field (Name, AccountNumber, ContactStatus) or a CocoonOPS one. */
export const FieldEdit = z.object({ field: z.string(), from: z.string(), to: z.string() });
export type FieldEdit = z.infer<typeof FieldEdit>;

/** The few fields of a Xero contact shown side by side (reviewed, now in Xero, after the write). */
export const ContactImage = z.object({
  contactId: z.string(),
  name: z.string(),
  accountNumber: z.string(),
  status: ContactStatus.or(z.string()),
  /** ISO 8601, '' when unknown. */
  updatedDateUtc: z.string(),
});
export type ContactImage = z.infer<typeof ContactImage>;

export const CorrectionView = z.object({
  id: z.number().int(),
  decisionId: z.number().int().nullable(),
  accountCode: z.string(),
  accountName: z.string(),
  target: CorrectionTarget,
  /** Xero ContactID, or the billing account code. */
  subject: z.string(),
  kind: CorrectionKind,
  changes: z.array(FieldEdit),
  status: CorrectionStatus,
  attempts: z.number().int(),
  idempotencyKey: z.string().nullable(),
  /** Xero's validation messages as they are, or why it is a conflict / blocked. */
  message: z.string(),
  /** What to do about it (the playbook's advice). */
  advice: z.string(),
  findingKind: FindingKind.nullable(),
  /** The contact as it was reviewed (the before-image). */
  reviewed: ContactImage.nullable(),
  /** A conflict: the contact as Xero holds it now. */
  current: ContactImage.nullable(),
  /** The contact as Xero returned it after the write. */
  after: ContactImage.nullable(),
  undoesId: z.number().int().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  doneAt: z.string().nullable(),
  /** A done Xero correction that no undo has reversed (yet). */
  canUndo: z.boolean(),
  /** The Xero contact's name as the workspace holds it ('' for a CocoonOPS step or a contact it does not hold). */
  contactName: z.string(),
});
export type CorrectionView = z.infer<typeof CorrectionView>;

export const CorrectionsQuery = z.strictObject({
  status: CorrectionStatus.optional(),
  target: CorrectionTarget.optional(),
  /**
   * The Push screen's results: only what pushes wrote or tried to (Xero writes that are not queued), the failed and
   * conflicting ones first, then the newest; side-by-side images only where they are shown (conflicts).
   */
  results: z.boolean().optional(),
  limit: z.number().int().min(1).max(100_000).default(5000),
});

/** One Xero contact write in the plan (several corrections of one contact travel as one element). */
export const PlanItem = z.object({
  /** null: a correction the push will create from a decision (a dry run creates none). */
  correctionId: z.number().int().nullable(),
  accountCode: z.string(),
  contactId: z.string(),
  contactName: z.string(),
  kind: CorrectionKind,
  changes: z.array(FieldEdit),
  /** Why the push will not send it (a check failed). */
  blocked: z.string().nullable(),
});
export type PlanItem = z.infer<typeof PlanItem>;

/** What a plan changes about the failing accounts, by the sync model run on both sides with the plan applied. */
export const WhatIfSide = z.object({
  /** Accounts that will fail afterwards. */
  failing: z.number().int(),
  /** Of today's failing accounts, how many pass afterwards. */
  fixed: z.number().int(),
  /** Accounts that pass today and would fail afterwards (codes). */
  broken: z.array(z.string()),
});
export type WhatIfSide = z.infer<typeof WhatIfSide>;

/** An account with a decision that still fails after the push and the checklist: its fix does not make it pass. */
export const StillFailingAccount = z.object({ code: z.string(), name: z.string(), reason: z.string() });
export type StillFailingAccount = z.infer<typeof StillFailingAccount>;

export const PlanWhatIf = z.object({
  /** Accounts that fail today (the dashboard's count). */
  failingNow: z.number().int(),
  /** After the push alone. */
  afterPush: WhatIfSide,
  /** After the push and every open line of the checklist (CocoonOPS renames and codes, Xero web-app steps). */
  afterChecklist: WhatIfSide,
  /** Decided accounts still failing after both, with why (at most 1,000; `decidedStillFailing` counts them all). */
  stillFailing: z.array(StillFailingAccount),
  decidedStillFailing: z.number().int(),
});
export type PlanWhatIf = z.infer<typeof PlanWhatIf>;

/** The Xero organisation a push writes to; sandbox: a stand-in (the demo's, `reconciler sandbox`), not real books. */
export const PushOrganisation = z.object({ tenantName: z.string(), sandbox: z.boolean() });
export type PushOrganisation = z.infer<typeof PushOrganisation>;

export const PushPlan = z.object({
  computedAt: z.string(),
  /** Null when the workspace was never connected to Xero (its contacts came from a file). */
  organisation: PushOrganisation.nullable(),
  /** Corrections the push will send, and on how many contacts. */
  toSend: z.number().int(),
  contacts: z.number().int(),
  byKind: z.record(z.string(), z.number().int()),
  /** The corrections to send by what they write (renamed, AccountNumbers set or cleared, restored), all of them. */
  written: z.record(z.string(), z.number().int()),
  /**
   * The contact writes: every blocked one, and of the rest all (the command, the export) or, as the Push screen asks
   * for them, the first PLAN_LISTED (`toSend` counts them all).
   */
  items: z.array(PlanItem),
  blocked: z.number().int(),
  conflicts: z.number().int(),
  failed: z.number().int(),
  /** Sent by an interrupted push: re-read and finished first. */
  resuming: z.number().int(),
  whatIf: PlanWhatIf,
  checklistOpen: z.number().int(),
  /** Why the push cannot run now (not connected to Xero, too few of Xero's calls left today, …); null when it can. */
  notReady: z.string().nullable(),
  /** Calls to Xero the push will make, and Xero's calls left today for the organisation (null before any answer). */
  calls: z.object({ needed: z.number().int(), budget: z.string().nullable() }).optional(),
});
export type PushPlan = z.infer<typeof PushPlan>;

/** How many of a plan's changes the Push screen lists (the export has them all). */
export const PLAN_LISTED = 500;

export const PushPhase = z.enum(['resume', 'check', 'send', 'resync', 'match', 'done']);
export const PushProgress = z.object({
  phase: PushPhase,
  message: z.string(),
  done: z.number().int(),
  total: z.number().int().nullable(),
  finished: z.boolean().default(false),
});
export type PushProgress = z.infer<typeof PushProgress>;

export const PushFailure = z.object({
  correctionId: z.number().int(),
  accountCode: z.string(),
  contactId: z.string(),
  status: CorrectionStatus,
  message: z.string(),
  advice: z.string(),
});
export type PushFailure = z.infer<typeof PushFailure>;

export const PushResult = z.object({
  done: z.number().int(),
  /** Already so in Xero: nothing written. */
  alreadyApplied: z.number().int(),
  failed: z.number().int(),
  conflicts: z.number().int(),
  blocked: z.number().int(),
  /** Corrections of an interrupted push that were finished (landed, or re-sent with the same key). */
  resumed: z.number().int(),
  batches: z.number().int(),
  resynced: z.number().int(),
  cancelled: z.boolean(),
  problems: z.array(PushFailure),
  ms: z.number(),
});
export type PushResult = z.infer<typeof PushResult>;

export const UndoResult = z.object({
  requested: z.number().int(),
  undone: z.number().int(),
  conflicts: z.number().int(),
  failed: z.number().int(),
  refused: z.array(z.object({ id: z.number().int(), reason: z.string() })),
  items: z.array(CorrectionView),
  /** Accounts whose decision the undo reopened (undecided again). */
  reopened: z.array(z.string()),
});
export type UndoResult = z.infer<typeof UndoResult>;

export const ChecklistPlace = z.enum(['cocoonops', 'xero', 'reconciler']);

/** What is to be done: the checklist's groups, in the order they are worked through (fixes first, then re-sends). */
export const CHECKLIST_TASKS = ['rename', 'recode', 'xero', 'customer', 'resend', 'exceptions'] as const;
export const ChecklistTask = z.enum(CHECKLIST_TASKS);
export type ChecklistTask = z.infer<typeof ChecklistTask>;
export const CHECKLIST_TASK_TITLES: Record<ChecklistTask, string> = {
  rename: 'Rename in CocoonOPS',
  recode: 'Change a billing account code in CocoonOPS',
  xero: 'Merge contacts or free an Account Number in Xero',
  customer: "Make a contact a customer in Xero's web app",
  resend: 'Re-send invoices from CocoonOPS',
  exceptions: 'Check and close CocoonOPS exceptions',
};

export const ChecklistLine = z.object({
  /** Stable: ticks are stored by it. */
  key: z.string(),
  accountCode: z.string(),
  accountName: z.string(),
  place: ChecklistPlace,
  kind: z.enum(['rename', 'recode', 'resend', 'make_customer', 'merge', 'free_number', 'exception']),
  text: z.string(),
  /** Numbered sub-steps (the state-toggle steps of a re-send, an exception's steps). */
  steps: z.array(z.string()),
  /** The invoice and credit note numbers a re-send line is about (empty on other lines). */
  documents: z.array(z.string()),
  correctionId: z.number().int().nullable(),
  exceptionId: z.number().int().nullable(),
  ticked: z.boolean(),
  tickedAt: z.string().nullable(),
  /** Done, as the CocoonOPS export imported last shows (the name or code changed): ticked without a tick to take back. */
  shown: z.boolean(),
});
export type ChecklistLine = z.infer<typeof ChecklistLine>;

/** One kind of work, its lines in the CocoonOPS export's order; only groups with lines are listed. */
export const ChecklistGroup = z.object({
  task: ChecklistTask,
  title: z.string(),
  lines: z.array(ChecklistLine),
  total: z.number().int(),
  ticked: z.number().int(),
});
export type ChecklistGroup = z.infer<typeof ChecklistGroup>;

export const Checklist = z.object({
  generatedAt: z.string(),
  groups: z.array(ChecklistGroup),
  total: z.number().int(),
  ticked: z.number().int(),
});
export type Checklist = z.infer<typeof Checklist>;

/** A file made by the core; binary files (XLSX, PDF) travel as base64. */
export const ExportFile = z.object({
  fileName: z.string(),
  mimeType: z.string(),
  content: z.string(),
  encoding: z.literal('base64').optional(),
});
export type ExportFile = z.infer<typeof ExportFile>;

/** How the user writes dates (the renderer's locale and time zone): exports show dates as the screen does. */
export const DateStyle = z.strictObject({ locale: z.string().min(2).max(40).optional(), timeZone: z.string().min(1).max(60).optional() });
export type DateStyle = z.infer<typeof DateStyle>;

export const AuditEntryView = z.object({
  id: z.number().int(),
  at: z.string(),
  actor: z.string(),
  action: z.string(),
  subject: z.string(),
  result: z.string(),
  before: z.unknown(),
  after: z.unknown(),
  detail: z.unknown(),
});
export type AuditEntryView = z.infer<typeof AuditEntryView>;

const Ids = z.array(z.number().int().positive()).min(1, 'choose at least one correction').max(100_000);

export const outboxContract = {
  'outbox.plan': { input: z.strictObject({}), output: PushPlan },
  'outbox.push': { input: z.strictObject({ batchSize: z.number().int().min(1).max(50).default(50) }), output: PushResult },
  'outbox.cancel': { input: z.strictObject({}), output: z.object({ cancelled: z.boolean() }) },
  'outbox.list': { input: CorrectionsQuery, output: z.array(CorrectionView) },
  'outbox.undo': { input: z.strictObject({ ids: Ids }), output: UndoResult },
  /** Failed and conflicting corrections back to the queue (a conflict takes Xero's current contact as its new base). */
  'outbox.retry': { input: z.strictObject({ ids: Ids }), output: z.array(CorrectionView) },
  'checklist.get': { input: z.strictObject({}), output: Checklist },
  'checklist.tick': { input: z.strictObject({ key: z.string().min(1).max(300), ticked: z.boolean() }), output: ChecklistLine },
  'checklist.export': {
    input: z.strictObject({ format: z.enum(['csv', 'xlsx', 'html']), dates: DateStyle.optional() }),
    output: ExportFile,
  },
  /** The window as printed (its print stylesheet) as a PDF: Electron only (a browser saves PDFs from its print dialog). */
  'checklist.pdf': { input: z.strictObject({}), output: ExportFile },
  'audit.list': {
    input: z.strictObject({ limit: z.number().int().min(1).max(1000).default(100), offset: z.number().int().min(0).default(0) }),
    output: z.object({ entries: z.array(AuditEntryView), total: z.number().int() }),
  },
  'audit.export': { input: z.strictObject({}), output: ExportFile },
} satisfies Record<OutboxChannel, { input: z.ZodType; output: z.ZodType }>;

export const outboxEvents = {
  'outbox.progress': PushProgress,
} satisfies Record<OutboxEventName, z.ZodType>;

export type OutboxContract = typeof outboxContract;
export type OutboxInput<C extends OutboxChannel> = z.output<OutboxContract[C]['input']>;
export type OutboxOutput<C extends OutboxChannel> = z.output<OutboxContract[C]['output']>;
