// The review's records as they travel between core and UI: table rows, details, decisions, freshness.
import { z } from 'zod';
import { XeroExportSide } from './xero-export';
import { BillingAccount, Candidate, Contribution, FindingKind, SuggestedFix, XeroContact, ContactStatus } from './domain';

export const DECISION_ACTIONS = [
  'rename_in_xero', // the CocoonOPS name is right: rename the Xero contact
  'rename_in_cocoon', // the Xero name is right: rename the billing account in CocoonOPS
  'set_account_number', // put the billing code on the Xero contact
  'restore_in_xero', // the code's holder is archived: restore it
  'mark_customer', // the Xero contact must become a customer
  'recode_in_cocoon', // the code belongs to another business: give the account a new code
  'use_contact_code', // a code conflict: use the code the matching Xero contact already has (and make the names equal)
  'free_code', // a code conflict: clear the code on its holder, then give it to the matching contact (names equal)
  'create_in_xero', // nothing in Xero: let the sync create the contact
  'different_business', // the suggested contact is another business
  'link', // link another Xero contact by hand
  'ignore', // leave the account as it is (with a note)
] as const;
export const DecisionAction = z.enum(DECISION_ACTIONS);
export type DecisionAction = z.infer<typeof DecisionAction>;

/** One field change a decision asks for: pushed to Xero, or put on the CocoonOPS checklist. */
export const FieldChange = z.object({
  target: z.enum(['xero', 'cocoon']),
  /** Xero ContactID, or the billing account code. */
  subject: z.string(),
  field: z.string(),
  from: z.string(),
  to: z.string(),
});
export type FieldChange = z.infer<typeof FieldChange>;

export const DecisionView = z.object({
  id: z.number().int(),
  action: DecisionAction,
  xeroContactId: z.string().nullable(),
  note: z.string(),
  source: z.enum(['manual', 'bulk']),
  createdAt: z.string(),
  undoneAt: z.string().nullable(),
  changes: z.array(FieldChange),
  /** The bulk apply that made it (undone together); null for a decision made by hand. */
  batchId: z.number().int().nullable(),
});
export type DecisionView = z.infer<typeof DecisionView>;

/** How far the Xero side can be trusted: findings never say "not in Xero" from missing or failed data. */
export const XeroTrust = z.enum(['complete', 'stale', 'missing']);
export type XeroTrust = z.infer<typeof XeroTrust>;

/** One line of the review table: compact, because a workspace may hold 50,000 of them. */
export const RowDecision = z.object({
  action: DecisionAction,
  source: z.enum(['manual', 'bulk']),
  note: z.string(),
  xeroContactId: z.string().nullable(),
  /**
   * Needs attention: the decision was carried out (pushed to Xero, or seen in the CocoonOPS export) and the account
   * still fails, e.g. "Pushed; still fails: names differ ('Acme')". It is open again (undecided); null: it stands.
   */
  attention: z.string().nullable(),
  /**
   * The account still fails because a step of this decision is still to do (a Xero write to push, a CocoonOPS change
   * to make), e.g. "Waits for the change in CocoonOPS (checklist): …". Shown as pending, not as a tick; null otherwise.
   */
  pending: z.string().nullable(),
});
export type RowDecision = z.infer<typeof RowDecision>;

export const ReviewRow = z.object({
  code: z.string(),
  row: z.number().int(),
  name: z.string(),
  /** null when findings could not be computed (the Xero side is missing). */
  kind: FindingKind.nullable(),
  score: z.number().min(0).max(1),
  fix: SuggestedFix.nullable(),
  /** The Xero contact shown beside the account (a hand link wins over the matcher). */
  xeroId: z.string().nullable(),
  xeroName: z.string(),
  xeroNumber: z.string(),
  xeroStatus: ContactStatus.nullable(),
  decision: RowDecision.nullable(),
  /** Why a rename needs a look first (e.g. "CocoonOPS name lost a character"); null when neither name lost anything. */
  look: z.string().nullable(),
});
export type ReviewRow = z.infer<typeof ReviewRow>;

/**
 * Every row of the table, column by column (50,000 rows travel as arrays, not as 50,000 objects with keys:
 * half the bytes, and much less to stringify and parse). `decisions` lists only the decided rows, by index.
 */
export const ReviewColumns = z.object({
  code: z.array(z.string()),
  row: z.array(z.number().int()),
  name: z.array(z.string()),
  kind: z.array(FindingKind.nullable()),
  score: z.array(z.number().min(0).max(1)),
  fix: z.array(SuggestedFix.nullable()),
  xeroId: z.array(z.string().nullable()),
  xeroName: z.array(z.string()),
  xeroNumber: z.array(z.string()),
  xeroStatus: z.array(ContactStatus.nullable()),
  look: z.array(z.string().nullable()),
  decisions: z.array(z.tuple([z.number().int().min(0), RowDecision])),
});
export type ReviewColumns = z.infer<typeof ReviewColumns>;

export const ReviewList = z.object({
  columns: ReviewColumns,
  /** Rows in the workspace (more than in `columns` when a limit was asked). */
  total: z.number().int(),
  xeroTrust: XeroTrust,
  computedAt: z.string().nullable(),
});
export type ReviewList = z.infer<typeof ReviewList>;

/** One thing a name lost beside the other (see src/main/review/name-quality.ts). */
export const NameLoss = z.object({
  side: z.enum(['cocoon', 'xero']),
  kind: z.enum(['lost_character', 'mojibake', 'dropped_words']),
  detail: z.string(),
  label: z.string(),
});

/** Which of the two names keeps more information: the suggested rename writes that one over the other. */
export const NameCheck = z.object({ better: z.enum(['cocoon', 'xero']).nullable(), losses: z.array(NameLoss) });
export type NameCheck = z.infer<typeof NameCheck>;

export const CandidateView = z.object({ candidate: Candidate, contact: XeroContact.nullable() });

export const FindingDetail = z.object({
  row: ReviewRow,
  account: BillingAccount,
  explanation: z.string(),
  contributions: z.array(Contribution),
  /** The Xero contact the score and `contributions` compare the account with (null when nothing was scored). */
  scoredContact: XeroContact.nullable(),
  /** The contact shown beside the account (decision link, else finding contact, else code holder). */
  contact: XeroContact.nullable(),
  codeHolder: XeroContact.nullable(),
  /** How likely `contact` and `codeHolder` are the account's business (their pair's one percentage; null: not scored). */
  contactScore: z.number().min(0).max(1).nullable(),
  holderScore: z.number().min(0).max(1).nullable(),
  /** Contacts can be opened in Xero's web app (connected to a real organisation; not the stand-in, not an export). */
  xeroWebApp: z.boolean(),
  candidates: z.array(CandidateView),
  /** What "accept" may do for this finding, suggested first. */
  actions: z.array(DecisionAction),
  /**
   * Each of `actions` worked out (in the same order): what it would change, in one line, why the account would
   * still fail with it made (null: it makes the sync pass, or the account does not fail), and what else the sync would
   * then do that a bookkeeper should know (e.g. create a second contact for the business; null: nothing).
   */
  choices: z.array(
    z.object({
      action: DecisionAction,
      summary: z.string(),
      stillFails: z.string().nullable(),
      /** Why it would not work, in a sentence (the sync would still fail, Xero would refuse it, it would make a passing account fail); null: it works. */
      problem: z.string().nullable(),
      /** The fix was checked against the sync model and makes the failing account pass. */
      passes: z.boolean(),
      caveat: z.string().nullable(),
    }),
  ),
  /** The two names compared, when accepting may rename one (null otherwise). */
  nameCheck: NameCheck.nullable(),
  decision: DecisionView.nullable(),
  /**
   * The current decision's corrections written to Xero that an undo can reverse (Push screen ids), each with its
   * contact and what it wrote (what the undo writes back).
   */
  undoable: z.array(
    z.object({
      id: z.number().int(),
      subject: z.string(),
      changes: z.array(z.object({ field: z.string(), from: z.string(), to: z.string() })),
    }),
  ),
  history: z.array(DecisionView),
  xeroTrust: XeroTrust,
});
export type FindingDetail = z.infer<typeof FindingDetail>;

export const ImportInfo = z.object({
  at: z.string(),
  fileName: z.string().nullable(),
  rows: z.number().int().nullable(),
});
export type ImportInfo = z.infer<typeof ImportInfo>;

export const WorkspaceInfo = z.object({ path: z.string(), name: z.string(), isDemo: z.boolean() });
export type WorkspaceInfo = z.infer<typeof WorkspaceInfo>;

/** A workspace opened before, as the start screen lists it: read from the file without writing to it. */
export const RecentWorkspace = z.object({
  path: z.string(),
  name: z.string(),
  /** The Xero organisation it is connected to (null when never connected: its Xero side came from files, if any). */
  organisation: z.string().nullable(),
  /** When Xero was last read: the last complete sync, else the last Xero file import (null: never). */
  xeroReadAt: z.string().nullable(),
  xeroReadBy: z.enum(['sync', 'file']).nullable(),
  accounts: z.number().int(),
  /** Accounts whose next sync will fail (null until both sides are there and matched). */
  failing: z.number().int().nullable(),
  /** Why it cannot be opened as it is (moved, deleted, not a workspace…), or null. */
  problem: z.string().nullable(),
});
export type RecentWorkspace = z.infer<typeof RecentWorkspace>;

/** The accounts that will fail on the next sync, by where their fix stands (the counts add up to `failing`). */
export const FailingBreakdown = z.object({
  /** No decision yet. */
  undecided: z.number().int(),
  /** A fix for Xero is decided and not yet pushed. */
  queued: z.number().int(),
  /** The fix was pushed to Xero, and the account still fails: it needs attention. */
  pushed: z.number().int(),
  /** What is left of the fix is a step in Xero's web app (make a contact a customer…), on the checklist, not ticked off. */
  webApp: z.number().int(),
  /** The web-app step is ticked off (done by hand) and Xero was not read since: the next sync checks it. */
  webAppToCheck: z.number().int(),
  /** The web-app step was done, Xero was read since, and the account still fails: it needs attention. */
  webAppFailed: z.number().int(),
  /** The CocoonOPS export shows the decided change, and the account still fails: it needs attention. */
  changed: z.number().int(),
  /** The fix is a change in CocoonOPS (rename, new code) that the CocoonOPS export does not show yet. */
  cocoon: z.number().int(),
  /** Ignored, or marked as a different business. */
  ignored: z.number().int(),
});
export type FailingBreakdown = z.infer<typeof FailingBreakdown>;

/**
 * What the last push did, checked on the findings recomputed after it: its accounts that failed before it and pass
 * now (fixed; an account that passed before and still passes is not counted), still fail, or fail now though they
 * passed before it.
 */
export const LastPush = z.object({
  /** When it finished (ISO). */
  at: z.string(),
  /** Accounts whose corrections it wrote (and that are still in Xero: an undo takes them out). */
  accounts: z.number().int(),
  /** Failed before the push, pass now. */
  fixed: z.number().int(),
  /** Failed before the push, and still fail. */
  stillFailing: z.number().int(),
  /** Passed before the push, fail now (until a step of their decision is done, or the fix was wrong). */
  newlyFailing: z.number().int(),
  /** Of the still and newly failing, how many wait for another step of their decision (CocoonOPS, Xero's web app): the rest need attention. */
  waiting: z.number().int(),
  /** Failing accounts that earlier pushes wrote (none of this one) and that still wait for such a step. */
  earlierWaiting: z.number().int(),
});
export type LastPush = z.infer<typeof LastPush>;

/** Xero's calls left today for the organisation: what its last answer said (X-DayLimit-Remaining), and when its day resets. */
export const XeroBudget = z.object({
  /** Null when Xero's day has reset since that answer (the whole budget again). */
  remaining: z.number().int().nullable(),
  resetAt: z.string(),
  /** Xero said when (a day 429's Retry-After); else the reset is "at the latest". */
  exact: z.boolean(),
  asOf: z.string(),
  line: z.string(),
});
export type XeroBudget = z.infer<typeof XeroBudget>;

export const WorkspaceStatus = z.object({
  workspace: WorkspaceInfo,
  accounts: z.number().int(),
  contacts: z.number().int(),
  counts: z.record(FindingKind, z.number().int()),
  /** Accounts whose next sync will fail, decided or not. */
  failing: z.number().int(),
  /** Of those, how many only may fail (the code's holder is not a customer; names that differ only in spacing). */
  mayFail: z.number().int(),
  /** Of those, how many have no decision yet. */
  failingUndecided: z.number().int(),
  failingBreakdown: FailingBreakdown,
  /** null before the first push that wrote anything. */
  lastPush: LastPush.nullable(),
  decided: z.number().int(),
  findingsComputedAt: z.string().nullable(),
  xeroTrust: XeroTrust,
  /** Why the Xero side is not trusted (e.g. the last sync failed), for the banner. */
  xeroTrustReason: z.string().nullable(),
  lastSync: ImportInfo.nullable(),
  lastXeroImport: ImportInfo.nullable(),
  lastCocoonImport: ImportInfo.nullable(),
  waitingFor: z.enum(['xero', 'cocoon']).nullable(),
  /** The findings predate the last import (matching was cancelled or failed): match again. */
  findingsOutdated: z.boolean(),
  /** The Xero side is Xero's contacts export (null otherwise): the lists imported, and what the review cannot know. */
  xeroExport: XeroExportSide.nullable(),
  /** The Xero organisation the workspace is connected to (null: its Xero side came from a file, or nothing yet). */
  xeroConnection: z.object({ tenantName: z.string(), sandbox: z.boolean() }).nullable(),
  /** Xero's day budget for that organisation, as Xero's last answer gave it (null before any answer). */
  xeroBudget: XeroBudget.nullable(),
});
export type WorkspaceStatus = z.infer<typeof WorkspaceStatus>;
